import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { runtimeEnv, type N8nRuntime } from './layout';
import { run } from './run';

export interface InstalledPackage {
  readonly name: string;
  readonly version: string;
}

/**
 * Installs a packed community package (`npm pack` tarball) where n8n looks for them:
 * `<userFolder>/.n8n/nodes/node_modules`. n8n reads that folder when it starts, so install
 * before startN8n (or pass `communityPackages` to it). Its name must match `n8n-nodes-*` or
 * `@scope/n8n-nodes-*`, or n8n skips it.
 */
export async function installCommunityPackage(runtime: N8nRuntime, userFolder: string, tgzPath: string): Promise<InstalledPackage> {
  const tarball = resolve(tgzPath);
  const installed = await readPackedManifest(tarball);
  if (!/^(@[^/]+\/)?n8n-nodes-/.test(installed.name)) {
    throw new Error(`${installed.name}: n8n only loads community packages named n8n-nodes-* or @scope/n8n-nodes-*`);
  }
  const nodesDir = join(userFolder, '.n8n', 'nodes');
  await mkdir(nodesDir, { recursive: true });
  if (!existsSync(join(nodesDir, 'package.json'))) {
    await writeFile(join(nodesDir, 'package.json'), `${JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }, null, 2)}\n`);
  }
  // As n8n's own installer: no scripts, no dev dependencies, and no peer dependencies, so the
  // package uses the host's n8n-workflow instead of a second copy.
  await run(
    'npm',
    ['install', tarball, '--ignore-scripts', '--omit=dev', '--legacy-peer-deps', '--no-audit', '--no-fund', '--prefer-offline'],
    { cwd: nodesDir, env: runtimeEnv(runtime), logFile: join(nodesDir, 'install.log') },
  );
  return installed;
}

async function readPackedManifest(tarball: string): Promise<InstalledPackage> {
  const { stdout } = await promisify(execFile)('tar', ['-xzOf', tarball, 'package/package.json']);
  const manifest = JSON.parse(stdout) as Partial<InstalledPackage>;
  if (typeof manifest.name !== 'string' || typeof manifest.version !== 'string') {
    throw new Error(`${tarball} has no package.json with a name and version`);
  }
  return { name: manifest.name, version: manifest.version };
}
