import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CURRENT, N8nApi, createApiKey, ensureRuntime, login, ownerSetup, startN8n, type N8nInstance } from '../../test/n8n';
import { PATHS, PORTS } from './paths';
import { newPassword, type StackState } from './state';

export interface StackN8n {
  instance: N8nInstance;
  api: N8nApi;
  state: StackState;
}

const PACKAGE_MARKER = join(PATHS.n8nUserFolder, '.n8n', 'nodes', '.caseflow-package-sha');

/**
 * The pinned n8n (test/n8n's CURRENT profile) with its user folder under data/n8n and the packed
 * Caseflow nodes installed as a community package (again only when the package changed); the owner
 * and an API key are created on the first run and kept in data/stack.json.
 */
export async function startStackN8n(state: StackState, log: (line: string) => void): Promise<StackN8n> {
  const tgz = state.nodesPackage;
  if (!tgz) throw new Error('the Caseflow nodes package was not built');
  log(`n8n ${CURRENT.n8nVersion}: installing its runtime if needed (the first time takes several minutes)`);
  await ensureRuntime(CURRENT, { log });
  const installedSha = (await readFile(PACKAGE_MARKER, 'utf8').catch(() => '')).trim();
  const instance = await startN8n({
    profile: CURRENT,
    userFolder: PATHS.n8nUserFolder,
    port: PORTS.n8n,
    logFile: join(PATHS.logs, 'n8n.log'),
    // Only a brand-new folder starts from the runtime's migrated template.
    seedFromTemplate: !existsSync(join(PATHS.n8nUserFolder, '.n8n', 'database.sqlite')),
    communityPackages: installedSha === tgz.sha ? [] : [tgz.file],
  });
  if (installedSha !== tgz.sha) await writeFile(PACKAGE_MARKER, tgz.sha);
  let next = state;
  if (!next.n8nOwner || !next.n8nApiKey) {
    const owner = next.n8nOwner ?? { email: 'owner@caseflow.local', password: newPassword('N8n'), firstName: 'Caseflow', lastName: 'Owner' };
    log('n8n: creating the owner and an API key');
    const session = next.n8nOwner ? await login(instance.baseUrl, owner) : await ownerSetup(instance.baseUrl, owner);
    next = { ...next, n8nOwner: owner, n8nApiKey: await createApiKey(session, 'caseflow-stack') };
  }
  return { instance, api: new N8nApi(instance.baseUrl, next.n8nApiKey!), state: next };
}
