import { callWebhook, productionWebhookUrl } from '../../test/n8n';
import type { BackendApi } from './api';

export const DEMO_PASSWORD = 'caseflow-demo';

/** Reviewers, each in the queues of one team; all sign in with DEMO_PASSWORD. */
export const DEMO_REVIEWERS = [
  { email: 'advisor@caseflow.local', name: 'Sam Advisor', queues: ['student-advisors', 'academic-department', 'counselling'] },
  { email: 'courses@caseflow.local', name: 'Chris Courses', queues: ['course-admins'] },
  { email: 'finance@caseflow.local', name: 'Fran Finance', queues: ['accounts-receivable', 'finance'] },
  { email: 'people@caseflow.local', name: 'Pat People', queues: ['hr', 'it', 'line-managers'] },
  { email: 'lead@caseflow.local', name: 'Lee Lead', queues: ['student-support-leads', 'training-managers', 'finance-managers', 'people-leads'] },
];

const DAY = 86_400_000;
const iso = (ms: number): string => new Date(ms).toISOString();

interface Page<T> {
  items: T[];
}

/** Demo reviewers and a few cases at different stages, started through the n8n webhooks as an app would. */
export async function seedDemo(api: BackendApi, n8nUrl: string, log: (line: string) => void): Promise<void> {
  for (const reviewer of DEMO_REVIEWERS) {
    const user = await api.call<{ id: string }>('POST', '/users', { email: reviewer.email, name: reviewer.name, password: DEMO_PASSWORD, role: 'reviewer' });
    for (const queue of reviewer.queues) await api.call('PUT', `/queues/${queue}/members/${user.id}`);
  }
  log('seed: demo reviewers added to their queues');
  const now = Date.now();
  const hook = async (path: string, body: unknown): Promise<void> => {
    const response = await callWebhook(productionWebhookUrl(n8nUrl, path), { body });
    if (response.status >= 300) throw new Error(`webhook ${path}: ${response.status}`);
  };
  const student = (id: string, name: string, concern: string) => ({
    entity: { type: 'student', externalId: id, name, email: `${id.toLowerCase()}@students.example.edu`, managerEmail: 'tutor@example.edu' },
    data: { referralId: `R-${id}`, concern, referredBy: 'Dr. Jane Hill', department: 'School of Biosciences' },
  });
  await hook('caseflow-student-referral', student('S-1001', 'Maya Okafor', 'missed four consecutive lab sessions'));
  await hook('caseflow-student-referral', student('S-1002', 'Tom Reyes', 'two assignments not submitted'));
  await hook('caseflow-student-referral', student('S-1003', 'Ana Silva', 'raised wellbeing concerns with a tutor'));
  const courseDate = (id: string, name: string, startDate: number) => ({
    entity: { type: 'course-date', externalId: id, name, attributes: { startDate: iso(startDate), minimumDelegates: 4, capacity: 12, venue: 'Manchester Training Centre', status: 'Scheduled' } },
  });
  await hook('caseflow-course-date', courseDate('CD-2001', 'First Aid at Work', now + 40 * DAY));
  // Starts in 10 days: its viability check is already due, and with one booking it warns the course administrators.
  await hook('caseflow-course-date', courseDate('CD-2002', 'Fire Marshal Training', now + 10 * DAY));
  const booking = (id: string, name: string, bookedAt: number, courseDate: string) => ({
    entity: { type: 'booking', externalId: id, name, email: `${id.toLowerCase()}@example.com`, managerEmail: 'manager@example.com' },
    data: { bookedAt: iso(bookedAt), courseDate },
  });
  await hook('caseflow-booking', booking('B-2001', 'Ada Lovelace', now, 'CD-2001'));
  await hook('caseflow-booking', booking('B-2002', 'Alan Kay', now - 3_600_000, 'CD-2002'));
  const invoice = (id: string, name: string, dueDate: number, amount: number) => ({
    entity: { type: 'invoice', externalId: id, name, email: `accounts@${name.toLowerCase().replace(/\W+/g, '')}.example.com` },
    data: { amount, currency: 'GBP', issuedAt: iso(dueDate - 30 * DAY), dueDate: iso(dueDate) },
  });
  await hook('caseflow-invoice', invoice('INV-3001', 'Northwind Traders', now + 5 * DAY, 1250.5));
  await hook('caseflow-invoice', invoice('INV-3002', 'Contoso Ltd', now - 9 * DAY, 480));
  const employee = (id: string, name: string) => ({
    entity: { type: 'employee', externalId: id, name, email: `${id.toLowerCase()}@example.com`, managerEmail: 'howard.aiken@example.com' },
    data: { startDate: iso(now + 14 * DAY).slice(0, 10), jobTitle: 'Engineer', team: 'Compilers' },
  });
  await hook('caseflow-employee-onboarding', employee('E-4001', 'Grace Hopper'));
  await hook('caseflow-employee-onboarding', employee('E-4002', 'Edsger Dijkstra'));
  log('seed: 11 cases started through the n8n webhooks');

  // Move a few along, as reviewers would: an accepted referral, one referred to counselling, HR done for one starter.
  await decideFirst(api, 'student-advisors', 'Tom Reyes', 'accept');
  await decideFirst(api, 'student-advisors', 'Ana Silva', 'counselling');
  await decideFirst(api, 'hr', 'Edsger Dijkstra', 'done');
  log('seed: three decisions made');
}

async function decideFirst(api: BackendApi, queue: string, entityName: string, decision: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const tasks = await api.call<Page<{ id: string; title: string }>>('GET', `/tasks?queue=${queue}&limit=100`);
    const task = tasks.items.find((t) => t.title.includes(entityName));
    if (task) {
      await api.call('POST', `/tasks/${task.id}/decide`, { decision });
      return;
    }
    if (Date.now() > deadline) throw new Error(`no task for ${entityName} in ${queue}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
