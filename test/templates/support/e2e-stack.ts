import { CURRENT, N8nApi, callWebhook, productionWebhookUrl, setupInstance, startN8n, type N8nInstance } from '../../n8n';
import type { InstallResultResponse } from '../../../backend/src/templates/templates.dto';
import type { MessageResponse } from '../../../backend/src/messages/messages.dto';
import { startTestApp, type Client, type TestApp } from '../../../backend/test/support/test-app';
import { packNodes } from './pack';
import { WallClock } from './wall-clock';

/** What a template's Respond to Webhook node answered: its status and JSON body. */
export interface WebhookAnswer {
  status: number;
  body: Record<string, unknown>;
}

export interface E2eStack {
  n8n: N8nInstance;
  n8nApi: N8nApi;
  n8nApiKey: string;
  backend: TestApp;
  credentialId: string;
  /** POST /templates/:name/install as the admin; throws on anything but 200. */
  install(name: string): Promise<InstallResultResponse>;
  /** Adds a new reviewer to each queue and returns their clients by queue key. */
  staffQueues(queueKeys: string[]): Promise<Record<string, { client: Client; email: string; id: string }>>;
  /** POSTs to a production webhook and returns n8n's answer; throws unless it is 2xx. */
  callWebhook(path: string, body: unknown): Promise<WebhookAnswer>;
  /** POSTs to a production webhook and returns whatever n8n answers (for refusals). */
  tryWebhook(path: string, body: unknown): Promise<WebhookAnswer>;
  mailbox(): Promise<MessageResponse[]>;
  stop(): Promise<void>;
}

const ok = (status: number, what: string, body: unknown): void => {
  if (status >= 300) throw new Error(`${what} failed with ${status}: ${JSON.stringify(body)}`);
};

/**
 * A real n8n 2.41 with the packed Caseflow nodes, and the real backend in-process with its scheduler
 * on (timers fire, ladders escalate, the outbox delivers), both on 127.0.0.1 so each reaches the other.
 */
export async function startE2eStack(): Promise<E2eStack> {
  const tgz = await packNodes();
  const n8n = await startN8n({ profile: CURRENT, communityPackages: [tgz] });
  let backend: TestApp | undefined;
  try {
    const { apiKey } = await setupInstance(n8n.baseUrl);
    const n8nApi = new N8nApi(n8n.baseUrl, apiKey);
    backend = await startTestApp({ clock: new WallClock(), config: { schedulerEnabled: true, outboxRetryBaseMs: 200 } });
    const app = backend;
    const { key } = await app.createApiKey(['automation']);
    const credential = await n8nApi.createCredential({
      name: 'Caseflow',
      type: 'caseflowApi',
      data: { baseUrl: app.baseUrl, apiKey: key, signingSecret: app.config.signingSecret },
    });
    // The app holds this very config object: from now on it knows n8n, as with N8N_URL and friends set.
    app.config.n8n = { url: n8n.baseUrl, apiKey, credentialId: credential.id, webhookBaseUrl: n8n.baseUrl };
    const post = async (path: string, body: unknown): Promise<WebhookAnswer> => {
      const response = await callWebhook(productionWebhookUrl(n8n.baseUrl, path), { body });
      return { status: response.status, body: response.body as Record<string, unknown> };
    };
    return {
      n8n,
      n8nApi,
      n8nApiKey: apiKey,
      backend: app,
      credentialId: credential.id,
      install: async (name) => {
        const res = await app.admin.post(`/templates/${name}/install`);
        ok(res.status, `install ${name}`, res.body);
        return res.body as InstallResultResponse;
      },
      staffQueues: async (queueKeys) => {
        const staff: Record<string, { client: Client; email: string; id: string }> = {};
        for (const queue of queueKeys) {
          const { user, client } = await app.createUser('reviewer', { email: `${queue}@staff.example.test`, name: `Reviewer of ${queue}` });
          const res = await app.admin.put(`/queues/${queue}/members/${user.id}`);
          ok(res.status, `add reviewer to ${queue}`, res.body);
          staff[queue] = { client, email: user.email, id: user.id };
        }
        return staff;
      },
      callWebhook: async (path, body) => {
        const answer = await post(path, body);
        ok(answer.status, `webhook ${path}`, answer.body);
        return answer;
      },
      tryWebhook: post,
      mailbox: async () => {
        const res = await app.admin.get('/mailbox?limit=200');
        ok(res.status, 'mailbox', res.body);
        return (res.body as { items: MessageResponse[] }).items;
      },
      stop: async () => {
        await app.close();
        await n8n.stop();
      },
    };
  } catch (error) {
    await backend?.close();
    await n8n.stop();
    throw error;
  }
}
