import type { IDataObject } from 'n8n-workflow';
import { ManualClock } from '../../../../backend/src/common/clock';
import { sign } from '../../../../backend/src/common/signing';
import { TaskTable } from '../../../../backend/src/database/tables';
import { OutboxWorker } from '../../../../backend/src/outbox/outbox.worker';
import { setUpReferralProcess } from '../../../../backend/test/support/scenario';
import type { Client, TestApp } from '../../../../backend/test/support/test-app';
import { startTestApp } from '../../../../backend/test/support/test-app';
import { FakeN8n } from './fake-n8n';

export interface Stack {
	t: TestApp;
	clock: ManualClock;
	n8n: FakeN8n;
	reviewer: Client;
	/** Lets the backend's outbox worker deliver what is due, signed at the current time. */
	deliverOutbox(): Promise<number>;
	/** Signs a body the way the backend does, for calls its outbox cannot make yet. */
	signed(body: IDataObject, secret?: string): { headers: Record<string, string>; rawBody: string };
	resumeUrlOfTask(taskId: string): Promise<string | null>;
	stop(): Promise<void>;
}

/**
 * The real backend (fresh SQLite, published "referral" process with its "advisors" queue, a reviewer in
 * it) and an n8n engine whose Caseflow credential holds a real automation key and the backend's secret.
 * The backend's clock is manual but kept at the real time: n8n's nodes check how old a signature is.
 */
export async function startStack(): Promise<Stack> {
	const clock = new ManualClock(Date.now());
	const t = await startTestApp({ clock });
	await setUpReferralProcess(t.admin);
	const { key } = await t.createApiKey(['automation']);
	const { user, client: reviewer } = await t.createUser('reviewer');
	const member = await t.admin.put(`/queues/advisors/members/${user.id}`);
	if (member.status >= 300) throw new Error(`add reviewer: ${member.status} ${JSON.stringify(member.body)}`);
	const n8n = new FakeN8n({ baseUrl: t.baseUrl, apiKey: key, signingSecret: t.config.signingSecret });
	await n8n.start();
	return {
		t,
		clock,
		n8n,
		reviewer,
		deliverOutbox: async () => {
			clock.set(Date.now());
			return await t.app.get(OutboxWorker).drain();
		},
		signed: (body, secret = t.config.signingSecret) => {
			const rawBody = JSON.stringify(body);
			const timestamp = Date.now();
			return {
				rawBody,
				headers: {
					'content-type': 'application/json',
					'x-caseflow-timestamp': String(timestamp),
					'x-caseflow-signature': sign(secret, timestamp, rawBody),
					'x-caseflow-idempotency-key': `test:${timestamp}`,
				},
			};
		},
		resumeUrlOfTask: async (taskId) =>
			(await t.db.read(() => t.db.manager.findOneByOrFail(TaskTable, { id: taskId }))).resumeUrl,
		stop: async () => {
			await n8n.stop();
			await t.close();
		},
	};
}
