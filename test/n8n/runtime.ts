import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { freePort, launchN8n } from './launch';
import { defaultCacheDir, describeRuntime, runtimeEnv, type N8nRuntime } from './layout';
import { withDirLock } from './lock';
import type { N8nProfile } from './profiles';
import { run } from './run';

export { defaultCacheDir, describeRuntime, runtimeEnv, type N8nRuntime } from './layout';

export interface RuntimeOptions {
  /** Defaults to $CASEFLOW_CACHE_DIR, else ~/.cache/caseflow. */
  readonly cacheDir?: string;
  readonly log?: (line: string) => void;
}

const MARKER = '.caseflow-runtime.json';

/** Installs the profile's Node and n8n unless a complete install is already there; idempotent. */
export async function ensureRuntime(profile: N8nProfile, options: RuntimeOptions = {}): Promise<N8nRuntime> {
  const runtime = describeRuntime(profile, options.cacheDir ?? defaultCacheDir());
  if (await isComplete(runtime)) return runtime;
  await mkdir(dirname(runtime.dir), { recursive: true });
  return await withDirLock(`${runtime.dir}.lock`, async () => {
    // Another process may have finished the install while this one waited for the lock.
    if (await isComplete(runtime)) return runtime;
    await install(runtime, options.log ?? ((line) => process.stderr.write(`${line}\n`)));
    return runtime;
  });
}

async function isComplete(runtime: N8nRuntime): Promise<boolean> {
  try {
    const marker = JSON.parse(await readFile(join(runtime.dir, MARKER), 'utf8')) as { n8nVersion?: string };
    return marker.n8nVersion === runtime.profile.n8nVersion && existsSync(runtime.n8nBin) && existsSync(runtime.nodeBin);
  } catch {
    return false;
  }
}

async function install(runtime: N8nRuntime, log: (line: string) => void): Promise<void> {
  const { dir, profile } = runtime;
  const logFile = `${dir}.install.log`;
  await rm(dir, { recursive: true, force: true });
  await rm(logFile, { force: true });
  await mkdir(dir, { recursive: true });
  const started = Date.now();
  const step = (what: string): void => log(`[n8n ${profile.name}] ${what} (${Math.round((Date.now() - started) / 1000)}s; log ${logFile})`);

  if (profile.node !== 'system') {
    step(`fetching ${profile.node}`);
    await installNode(runtime, logFile);
  }
  // node-gyp builds sqlite3 against these headers; the machine-wide npmrc points elsewhere.
  const nodeDir = dirname(dirname(runtime.nodeBin));
  const npmEnv = runtimeEnv(runtime, {
    npm_config_nodedir: nodeDir,
    // prebuild-install would try to download a binary and hang on the closed network first.
    npm_config_build_from_source: 'true',
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
  });
  const manifest = {
    name: 'caseflow-n8n-runtime',
    private: true,
    dependencies: { n8n: profile.n8nVersion },
    // xlsx's own tarball host is out of reach; 0.18.5 is the last version on the npm registry.
    overrides: { xlsx: '0.18.5' },
  };
  await writeFile(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  step(`installing n8n@${profile.n8nVersion} on Node ${runtime.nodeVersion}`);
  // Install scripts stay off: some native dependencies download sources and fail here. Only the
  // sqlite3 binding is needed to run n8n on SQLite, so it alone is built.
  await run('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: dir, env: npmEnv, logFile });
  step('building sqlite3');
  await run('npm', ['rebuild', 'sqlite3'], { cwd: dir, env: npmEnv, logFile });

  step('starting n8n once for the template user folder');
  // The first start migrates the database (~25 s on 2.x) and writes the editor's static files
  // (~10 s); every instance copies the result instead. It also proves the install runs.
  await mkdir(runtime.templateUserFolder, { recursive: true });
  const first = await launchN8n({ runtime, userFolder: runtime.templateUserFolder, port: await freePort(), logFile, readyTimeoutMs: 300_000 });
  await first.stop();
  await writeFile(
    join(dir, MARKER),
    `${JSON.stringify({ n8nVersion: profile.n8nVersion, node: profile.node, nodeVersion: runtime.nodeVersion, installedAt: new Date().toISOString() }, null, 2)}\n`,
  );
  step('installed');
}

async function installNode(runtime: N8nRuntime, logFile: string): Promise<void> {
  const downloads = join(runtime.dir, 'downloads');
  const nodeDir = join(runtime.dir, 'node');
  await mkdir(downloads, { recursive: true });
  await mkdir(nodeDir, { recursive: true });
  const env = runtimeEnv(runtime);
  await run('npm', ['pack', runtime.profile.node, '--pack-destination', downloads], { cwd: downloads, env, logFile });
  const [tarball] = (await readdir(downloads)).filter((name) => name.endsWith('.tgz'));
  if (!tarball) throw new Error(`npm pack ${runtime.profile.node} left no tarball in ${downloads}`);
  await run('tar', ['-xzf', join(downloads, tarball), '-C', nodeDir, '--strip-components=1'], { cwd: downloads, env, logFile });
  await rm(downloads, { recursive: true, force: true });
}
