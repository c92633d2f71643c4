/**
 * Runs the benches one after another, each in its own process, after `npm run build -w backend`
 * (the root script builds first, once):
 *
 *   npm run bench                              every bench, in the order below
 *   npm run bench -- notify-queue              only that one
 *   npm run bench -- inbox-paging live-map     only those, in the order given
 *
 * Each bench rewrites its own section of docs/BENCHMARKS.md. A bench that fails does not stop the
 * others; the run exits 1 if any failed.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const BENCHES = [
  'backend-load',
  'backend-load-postgres',
  'timer-lateness',
  'timers-at-scale',
  'timers-at-scale-postgres',
  'inbox-paging',
  'live-map',
  'notify-queue',
  'n8n-side-by-side',
  // Last: it seeds a year of history on both engines first (tens of minutes).
  'year-of-history',
] as const;
type Bench = (typeof BENCHES)[number];

/** A bench that is another's script run larger. */
const VARIANTS: Partial<Record<Bench, { script: string; args: string[] }>> = {
  'timers-at-scale': { script: 'timer-lateness', args: ['--scale'] },
  'timers-at-scale-postgres': { script: 'timer-lateness', args: ['--scale', '--postgres'] },
};

const isBench = (name: string): name is Bench => (BENCHES as readonly string[]).includes(name);

function main(): number {
  const asked = process.argv.slice(2);
  const unknown = asked.filter((name) => !isBench(name));
  if (unknown.length > 0) {
    console.error(`Unknown bench ${unknown.map((n) => `"${n}"`).join(', ')}. The benches: ${BENCHES.join(', ')}.`);
    return 1;
  }
  const chosen = asked.length > 0 ? asked.filter(isBench) : [...BENCHES];
  const tsx = require.resolve('tsx/cli');
  const failed: string[] = [];
  for (const name of chosen) {
    console.log(`\n=== bench ${name}`);
    const started = Date.now();
    const { script, args } = VARIANTS[name] ?? { script: name, args: [] };
    const run = spawnSync(process.execPath, [tsx, join(__dirname, `${script}.ts`), ...args], { stdio: 'inherit' });
    const took = `${((Date.now() - started) / 1000).toFixed(0)} s`;
    if (run.status === 0) console.log(`=== bench ${name} done in ${took}`);
    else {
      failed.push(name);
      console.error(`=== bench ${name} FAILED after ${took} (${run.signal ?? `exit code ${run.status}`})`);
    }
  }
  if (failed.length > 0) console.error(`\nFailed: ${failed.join(', ')}.`);
  return failed.length > 0 ? 1 : 0;
}

process.exitCode = main();
