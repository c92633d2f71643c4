import { join, resolve } from 'node:path';

/** Where the local stack keeps everything: `data/` of the checkout unless CASEFLOW_STACK_DIR says otherwise. */
export const ROOT = resolve(__dirname, '..', '..');
export const DATA = resolve(process.env.CASEFLOW_STACK_DIR ?? join(ROOT, 'data'));

export const PATHS = {
  state: join(DATA, 'stack.json'),
  signingSecret: join(DATA, 'signing-secret'),
  n8nUserFolder: join(DATA, 'n8n'),
  logs: join(DATA, 'logs'),
  packages: join(DATA, 'packages'),
  backendCli: join(ROOT, 'backend', 'bin', 'caseflow.js'),
  backendMain: join(ROOT, 'backend', 'dist', 'main.js'),
  uiDist: join(ROOT, 'editor-ui', 'dist'),
};

export const PORTS = {
  backend: Number(process.env.CASEFLOW_STACK_BACKEND_PORT ?? 3100),
  n8n: Number(process.env.CASEFLOW_STACK_N8N_PORT ?? 5678),
};
