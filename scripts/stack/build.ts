import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { PATHS, ROOT } from './paths';
import { run } from './processes';
import type { StackState } from './state';

/** The checkout's revision plus any local edits: a build is reused only for the very same sources. */
async function sourceRevision(): Promise<string> {
  try {
    const head = (await run('git', ['rev-parse', 'HEAD'], { cwd: ROOT, quiet: true })).trim();
    const dirty = await run('git', ['status', '--porcelain', '--', 'nodes', 'credentials', 'backend/src', 'editor-ui/src'], { cwd: ROOT, quiet: true });
    return dirty.trim() ? `${head}+${createHash('sha1').update(dirty).digest('hex').slice(0, 12)}` : head;
  } catch {
    return `unversioned-${Date.now()}`;
  }
}

/** Builds the nodes package, the UI and the backend unless this revision was built already. */
export async function buildAll(state: StackState, log: (line: string) => void): Promise<StackState> {
  const revision = await sourceRevision();
  const built = state.build?.revision === revision && existsSync(PATHS.backendMain) && existsSync(join(PATHS.uiDist, 'index.html')) && state.nodesPackage && existsSync(state.nodesPackage.file);
  if (built) {
    log(`build: up to date (${revision.slice(0, 12)})`);
    return state;
  }
  log('build: the Caseflow nodes package');
  await run('npm', ['run', 'build:nodes', '--silent'], { cwd: ROOT, quiet: true });
  await rm(PATHS.packages, { recursive: true, force: true });
  await mkdir(PATHS.packages, { recursive: true });
  await run('npm', ['pack', '--pack-destination', PATHS.packages, '--silent'], { cwd: ROOT, quiet: true });
  const [tgz] = (await readdir(PATHS.packages)).filter((f) => f.endsWith('.tgz'));
  if (!tgz) throw new Error(`npm pack left no tarball in ${PATHS.packages}`);
  const file = join(PATHS.packages, tgz);
  const sha = createHash('sha256').update(await readFile(file)).digest('hex');
  log('build: the UI (editor-ui)');
  await run('npm', ['run', 'build', '-w', 'editor-ui', '--silent'], { cwd: ROOT, quiet: true });
  log('build: the backend');
  await run('npm', ['run', 'build', '-w', 'backend', '--silent'], { cwd: ROOT, quiet: true });
  return { ...state, build: { revision }, nodesPackage: { file, sha } };
}
