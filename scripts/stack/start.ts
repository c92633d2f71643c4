/**
 * `npm start`: the whole of Caseflow on this machine, on the embedded defaults.
 *
 * Builds what is needed, starts the pinned n8n (data/n8n) with the Caseflow nodes installed as a
 * community package, sets up n8n's owner, an API key and the Caseflow credential (first run only,
 * kept in data/stack.json), installs every template, starts the backend on SQLite (data/) serving
 * the UI, seeds demo reviewers and cases (first run only), and prints where everything is.
 * Ctrl-C stops it all; starting again keeps the data and skips what is done.
 */
import { mkdir } from 'node:fs/promises';
import { BackendApi } from './api';
import { backendEnv, backendUrl, caseflowCli, startBackend } from './backend';
import { buildAll } from './build';
import { startStackN8n } from './n8n';
import { DATA, PATHS } from './paths';
import type { Service } from './processes';
import { DEMO_PASSWORD, DEMO_REVIEWERS, seedDemo } from './seed';
import { newPassword, readState, saveState, signingSecret } from './state';

const log = (line: string): void => console.log(`[caseflow] ${line}`);
const running: Service[] = [];
let stopping = false;

async function stopAll(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    log('stopping…');
    for (const service of running.reverse()) await service.stop().catch(() => undefined);
  }
  process.exit(code);
}

async function main(): Promise<void> {
  await mkdir(PATHS.logs, { recursive: true });
  let state = await readState();
  const secret = await signingSecret();
  if (!state.admin) state = { ...state, admin: { email: 'admin@caseflow.local', password: newPassword('Admin') } };
  state = await buildAll(state, log);
  await saveState(state);

  const n8n = await startStackN8n(state, log);
  running.push({ pid: n8n.instance.pid, stop: () => n8n.instance.stop() });
  state = n8n.state;
  await saveState(state);

  // One-off commands run before the server starts, so SQLite sees one writer at a time.
  const env = backendEnv(state, secret);
  if (!state.backendApiKey) {
    log('backend: creating the API key n8n uses');
    state = { ...state, backendApiKey: (await caseflowCli(['create-api-key', '--name', 'n8n (local stack)', '--scopes', 'automation'], env)).trim() };
    await saveState(state);
  }
  if (!state.credentialId) {
    log('n8n: creating the Caseflow credential');
    const credential = await n8n.api.createCredential({
      name: 'Caseflow (local stack)',
      type: 'caseflowApi',
      data: { baseUrl: backendUrl(), apiKey: state.backendApiKey, signingSecret: secret },
    });
    state = { ...state, credentialId: credential.id };
    await saveState(state);
  }
  log('templates: installing (updates only what changed)');
  const installed = await caseflowCli(['templates', 'install', '--all'], backendEnv(state, secret, n8n.instance.baseUrl));
  for (const line of installed.trim().split('\n')) log(`  ${line}`);

  running.push(await startBackend(backendEnv(state, secret, n8n.instance.baseUrl)));
  if (!state.seeded) {
    const api = await BackendApi.signIn(backendUrl(), state.admin!.email, state.admin!.password);
    await seedDemo(api, n8n.instance.baseUrl, log);
    state = { ...state, seeded: true };
    await saveState(state);
  }
  printWelcome(state, n8n.instance.baseUrl);
}

function printWelcome(state: Awaited<ReturnType<typeof readState>>, n8nUrl: string): void {
  console.log(`
Caseflow is running (data in ${DATA}; Ctrl-C stops everything)

  Caseflow UI   ${backendUrl()}
                admin      ${state.admin!.email} / ${state.admin!.password}
${DEMO_REVIEWERS.map((r) => `                reviewer   ${r.email} / ${DEMO_PASSWORD}  (${r.queues.join(', ')})`).join('\n')}
  API docs      ${backendUrl()}/api/docs
  n8n           ${n8nUrl}
                owner      ${state.n8nOwner!.email} / ${state.n8nOwner!.password}
  Mailbox       ${backendUrl()}/admin (Mailbox: every message the flows send)
  Try           curl -X POST ${n8nUrl}/webhook/caseflow-student-referral -H 'content-type: application/json' -d @templates/student-referrals/sample-data.json
`);
  log('ready');
}

process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));
main().catch(async (error: unknown) => {
  console.error(`[caseflow] failed: ${(error as Error).message}`);
  await stopAll(1);
});
