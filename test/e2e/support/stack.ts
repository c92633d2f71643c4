import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { N8nApi, setupInstance, startN8n, type N8nInstance, type N8nProfile } from '../../n8n';
import type { AppConfig } from '../../../backend/src/config/config';
import type { MessageResponse } from '../../../backend/src/messages/messages.dto';
import type { DeliveryResponse } from '../../../backend/src/outbox/outbox.dto';
import { TaskTable } from '../../../backend/src/database/tables';
import { addQueueMember, insertPublishedProcess, insertQueue } from '../../../backend/test/support/fixtures';
import { startTestApp, type Client, type TestApp } from '../../../backend/test/support/test-app';
import { packNodes } from '../../templates/support/pack';
import { WallClock } from '../../templates/support/wall-clock';

export const PROCESS_KEY = 'e2e-review';
export const ENTITY_TYPE = 'request';
export const REVIEWERS = 'reviewers';
export const SUPERVISORS = 'supervisors';

export interface E2eStack {
  profile: N8nProfile;
  n8n: N8nInstance;
  n8nApi: N8nApi;
  backend: TestApp;
  credentialId: string;
  reviewer: { client: Client; id: string; email: string };
  /** Stops n8n, keeping its user folder and port. */
  stopN8n(): Promise<void>;
  /** Starts n8n again on the same user folder and port (the package is already installed there). */
  startN8nAgain(): Promise<void>;
  mailbox(): Promise<MessageResponse[]>;
  outbox(): Promise<DeliveryResponse[]>;
  /** The resume URL n8n handed the Await Decision node, as the backend stored it on the task. */
  resumeUrlOf(taskId: string): Promise<string>;
  stop(): Promise<void>;
}

/**
 * A real n8n of `profile` with the packed Caseflow nodes, and the real backend in-process (scheduler on:
 * timers fire, the outbox delivers), both on 127.0.0.1. Seeds one process (intake → review), a reviewers
 * queue with one reviewer and a supervisors queue.
 */
export interface E2eStackOptions {
  /** Give the backend n8n's address and API key, so it follows the executions of its cases (failures). */
  followExecutions?: boolean;
}

export async function startE2eStack(profile: N8nProfile, backendConfig: Partial<AppConfig> = {}, options: E2eStackOptions = {}): Promise<E2eStack> {
  const tgz = await packNodes();
  // The user folder is ours, so a restart keeps the database (and the waiting executions).
  const userFolder = await mkdtemp(join(tmpdir(), `caseflow-e2e-${profile.name}-`));
  let n8n = await startN8n({ profile, userFolder, communityPackages: [tgz] });
  let backend: TestApp | undefined;
  try {
    const { apiKey } = await setupInstance(n8n.baseUrl);
    const n8nApi = new N8nApi(n8n.baseUrl, apiKey);
    const n8nConfig = options.followExecutions ? { n8n: { url: n8n.baseUrl, apiKey, webhookBaseUrl: n8n.baseUrl } } : {};
    backend = await startTestApp({
      clock: new WallClock(),
      config: { schedulerEnabled: true, outboxRetryBaseMs: 200, ...n8nConfig, ...backendConfig },
    });
    const app = backend;
    const { key } = await app.createApiKey(['automation']);
    const credential = await n8nApi.createCredential({
      name: 'Caseflow',
      type: 'caseflowApi',
      data: {
        baseUrl: app.baseUrl,
        apiKey: key,
        signingSecret: app.config.signingSecret,
        // n8n 1.123 adds "Allowed HTTP Request Domains" to credentials with `authenticate`, and its public
        // API schema then demands allowedDomains unless allowedHttpRequestDomains is given (and not "domains").
        ...(profile.n8nVersion.startsWith('1.') ? { allowedHttpRequestDomains: 'all' } : {}),
      },
    });
    // Only known now that n8n runs: generating workflows from designs puts it on every Caseflow node.
    if (app.config.n8n) app.config.n8n.credentialId = credential.id;

    const entityType = await app.admin.post('/entity-types').send({ key: ENTITY_TYPE, name: 'Requests' });
    if (entityType.status !== 201) throw new Error(`entity type: ${entityType.status} ${JSON.stringify(entityType.body)}`);
    const reviewers = await insertQueue(app, { key: REVIEWERS, name: 'Reviewers' });
    await insertQueue(app, { key: SUPERVISORS, name: 'Supervisors' });
    await insertPublishedProcess(app, {
      key: PROCESS_KEY,
      name: 'E2E review',
      entityTypes: [ENTITY_TYPE],
      stages: [
        { key: 'intake', name: 'Intake' },
        { key: 'review', name: 'Review', ownerQueue: REVIEWERS },
      ],
      decisions: [
        { key: 'approve', label: 'Approve' },
        { key: 'reject', label: 'Reject' },
      ],
    });
    const { user, client } = await app.createUser('reviewer', { email: 'reviewer@staff.example.test', name: 'Rita Reviewer' });
    await addQueueMember(app, reviewers.id, user.id);

    const admin = app.admin;
    return {
      profile,
      get n8n() {
        return n8n;
      },
      n8nApi,
      backend: app,
      credentialId: credential.id,
      reviewer: { client, id: user.id, email: user.email },
      stopN8n: async () => {
        await n8n.stop();
      },
      startN8nAgain: async () => {
        n8n = await startN8n({ profile, userFolder, port: n8n.port });
      },
      mailbox: async () => {
        const res = await admin.get('/mailbox?limit=200');
        if (res.status !== 200) throw new Error(`mailbox: ${res.status}`);
        return (res.body as { items: MessageResponse[] }).items;
      },
      outbox: async () => {
        const res = await admin.get('/outbox?limit=200');
        if (res.status !== 200) throw new Error(`outbox: ${res.status}`);
        return (res.body as { items: DeliveryResponse[] }).items;
      },
      resumeUrlOf: async (taskId) => {
        const task = await app.db.findOneBy(TaskTable, { id: taskId });
        if (!task?.resumeUrl) throw new Error(`task ${taskId} has no resume URL`);
        return task.resumeUrl;
      },
      stop: async () => {
        await app.close();
        await n8n.stop();
        await rm(userFolder, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await backend?.close();
    await n8n.stop();
    await rm(userFolder, { recursive: true, force: true });
    throw error;
  }
}
