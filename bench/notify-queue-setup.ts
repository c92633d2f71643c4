/**
 * The data bench/notify-queue.ts measures against, made through the API of a fresh backend: an
 * automation key, a process, a queue without members and one of 50 active members.
 */
import { Backend, createApiKey, signIn } from './support/backend';

export const MEMBERS = 50;
/** As Await Decision sends them. */
export const DECISIONS = [
  { key: 'approve', label: 'Approve' },
  { key: 'reject', label: 'Reject', commentRequired: true },
];

/** Returns the automation key the cycles run with. */
export async function setUp(backend: Backend): Promise<string> {
  const cookie = await signIn(backend);
  const api = (path: string, init: RequestInit = {}) => backend.api(path, { ...init, cookie });
  const post = (path: string, body: object) => api(path, { method: 'POST', body: JSON.stringify(body) });
  const key = await createApiKey(backend, cookie, ['automation']);
  await post('/queues', { key: 'quiet', name: 'Quiet' });
  await post('/queues', { key: 'crowd', name: 'Crowd' });
  for (let i = 0; i < MEMBERS; i++) {
    const user = (await (await post('/users', { email: `member-${i}@example.test`, name: `Member ${i}`, password: 'member-password-123', role: 'reviewer' })).json()) as { id: string };
    await api(`/queues/crowd/members/${user.id}`, { method: 'PUT' });
  }
  const queue = (await (await api('/queues/crowd')).json()) as { memberCount: number };
  if (queue.memberCount !== MEMBERS) throw new Error(`queue "crowd" has ${queue.memberCount} members, expected ${MEMBERS}`);
  await post('/processes', {
    key: 'bench',
    name: 'Bench',
    entityTypes: ['booking'],
    stages: [{ key: 'review', name: 'Review', ownerQueue: 'quiet', slaMinutes: 60 }],
    decisions: DECISIONS,
  });
  await api('/processes/bench/publish', { method: 'POST' });
  return key;
}
