import { join } from 'node:path';
import { PATHS, PORTS, ROOT } from './paths';
import { run, startService, waitForHttp, type Service } from './processes';
import type { StackState } from './state';

export const backendUrl = (): string => `http://127.0.0.1:${PORTS.backend}`;

/** The backend's environment: SQLite under data/, the UI build, the signing secret, and n8n once known. */
export function backendEnv(state: StackState, secret: string, n8nUrl?: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(PORTS.backend),
    HOST: '127.0.0.1',
    CASEFLOW_DATA_DIR: join(PATHS.state, '..'),
    CASEFLOW_UI_DIST: PATHS.uiDist,
    CASEFLOW_SIGNING_SECRET: secret,
    CASEFLOW_PUBLIC_URL: backendUrl(),
    CASEFLOW_TEMPLATES_DIR: join(ROOT, 'templates'),
    CASEFLOW_ADMIN_EMAIL: state.admin?.email,
    CASEFLOW_ADMIN_PASSWORD: state.admin?.password,
    LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL;
  // Resume URLs must point at this n8n; it is known before its API key is.
  if (n8nUrl) env.CASEFLOW_ALLOWED_RESUME_ORIGINS = new URL(n8nUrl).origin;
  if (n8nUrl && state.n8nApiKey) {
    env.N8N_URL = n8nUrl;
    env.N8N_API_KEY = state.n8nApiKey;
    if (state.credentialId) env.CASEFLOW_N8N_CREDENTIAL_ID = state.credentialId;
  }
  return env;
}

/** `caseflow <args>` (backend/bin) against the stack's database; its output is returned. */
export async function caseflowCli(args: string[], env: NodeJS.ProcessEnv, quiet = true): Promise<string> {
  return run(process.execPath, [PATHS.backendCli, ...args], { cwd: ROOT, env, quiet });
}

export async function startBackend(env: NodeJS.ProcessEnv): Promise<Service> {
  const { child, service } = startService(process.execPath, [PATHS.backendMain], { cwd: ROOT, env, logFile: join(PATHS.logs, 'backend.log') });
  await waitForHttp(`${backendUrl()}/api/v1/health`, 60_000, () => child.exitCode !== null).catch(async (error: unknown) => {
    await service.stop();
    throw new Error(`the backend did not start (log: ${join(PATHS.logs, 'backend.log')}): ${(error as Error).message}`);
  });
  return service;
}
