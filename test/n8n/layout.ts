import { homedir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import type { N8nProfile } from './profiles';

/** One installed n8n with the Node that runs it, in a folder of its own outside the repo. */
export interface N8nRuntime {
  readonly profile: N8nProfile;
  readonly dir: string;
  readonly nodeBin: string;
  readonly nodeVersion: string;
  readonly n8nBin: string;
  /** A user folder n8n has started in once; new instances start from a copy of it. */
  readonly templateUserFolder: string;
}

export function defaultCacheDir(): string {
  return process.env.CASEFLOW_CACHE_DIR ?? join(homedir(), '.cache', 'caseflow');
}

/** Where a profile lives in the cache; the folder name changes with either version. */
export function describeRuntime(profile: N8nProfile, cacheDir: string = defaultCacheDir()): N8nRuntime {
  const system = profile.node === 'system';
  const nodeVersion = system ? process.versions.node : profile.node.slice(profile.node.indexOf('@') + 1);
  const dir = join(cacheDir, `n8n-${profile.n8nVersion}-node-${nodeVersion}`);
  return {
    profile,
    dir,
    nodeVersion,
    nodeBin: system ? process.execPath : join(dir, 'node', 'bin', 'node'),
    n8nBin: join(dir, 'node_modules', 'n8n', 'bin', 'n8n'),
    templateUserFolder: join(dir, 'user-template'),
  };
}

/** Environment for npm and n8n processes of this runtime: its Node first on PATH. */
export function runtimeEnv(runtime: N8nRuntime, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    // npm run-script exports its own config (local prefix, cache…): it must not steer a nested
    // npm. Jest sets NODE_ENV=test, which switches n8n into its own test mode (silent, then exit).
    if (key.startsWith('npm_') || key.startsWith('JEST_') || key === 'NODE_OPTIONS' || key === 'NODE_ENV') continue;
    env[key] = value;
  }
  env.PATH = [dirname(runtime.nodeBin), process.env.PATH ?? ''].join(delimiter);
  return { ...env, ...extra };
}
