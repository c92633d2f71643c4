import type { Client } from './test-app';

export const REFERRAL = {
  key: 'referral',
  name: 'Student support referral',
  entityTypes: ['student'],
  stages: [
    { key: 'review', name: 'Advisor review', ownerQueue: 'advisors', slaMinutes: 60 },
    { key: 'department', name: 'Department follow-up', ownerQueue: 'department', slaMinutes: 24 * 60 },
  ],
  decisions: [
    { key: 'accept', label: 'Accept' },
    { key: 'counselling', label: 'Refer to counselling' },
    { key: 'close', label: 'Close', commentRequired: true },
  ],
};

const ok = (status: number, what: string, body: unknown): void => {
  if (status >= 300) throw new Error(`${what} failed with ${status}: ${JSON.stringify(body)}`);
};

/** Queues "advisors" and "department" and the published "referral" process, through the real API. */
export async function setUpReferralProcess(admin: Client): Promise<void> {
  for (const [key, name] of [['advisors', 'Advisors'], ['department', 'Academic department']]) {
    const res = await admin.post('/queues').send({ key, name });
    ok(res.status, `create queue ${key}`, res.body);
  }
  const created = await admin.post('/processes').send(REFERRAL);
  ok(created.status, 'create process', created.body);
  const published = await admin.post(`/processes/${REFERRAL.key}/publish`);
  ok(published.status, 'publish process', published.body);
}

export const student = (n: number | string) => ({
  type: 'student',
  externalId: `S-${n}`,
  name: `Student ${n}`,
  email: `student${n}@example.test`,
  managerEmail: `tutor${n}@example.test`,
});

/** Launches a referral in the review stage and opens a review task in the advisors queue. */
export async function launchWithTask(client: Client, n: number | string, extra: Record<string, unknown> = {}) {
  const launched = await client
    .post('/instances')
    .send({ processKey: 'referral', entity: student(n), stageKey: 'review', data: { reason: 'attendance' } });
  ok(launched.status, 'launch', launched.body);
  const task = await client.post('/tasks').send({
    instanceId: launched.body.id,
    queue: 'advisors',
    title: `Review referral ${n}`,
    resumeUrl: `http://127.0.0.1:5678/webhook-waiting/${n}`,
    ...extra,
  });
  ok(task.status, 'create task', task.body);
  return { instance: launched.body, task: task.body };
}
