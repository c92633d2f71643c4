import type { MessageResponse } from '../../../backend/src/messages/messages.dto';
import sample from '../../../templates/onboarding/sample-data.json';
import { ALWAYS_OPEN, decide, detail, ended, instanceOf, openTask, type InstanceView } from '../support/cases';
import type { E2eStack } from '../support/e2e-stack';

export interface OnboardingRun {
  onboarded: InstanceView;
  escalated: InstanceView;
  offboarded: InstanceView;
  /** Started in Caseflow (as from the Employees module): the backend called the workflow's webhook. */
  fromUi: InstanceView;
  staff: Record<string, { email: string }>;
  mail: MessageResponse[];
}

interface Person {
  entity: Record<string, unknown>;
  data: Record<string, unknown>;
}

const person = (base: Person, n: string, data: Record<string, unknown> = {}) => ({
  entity: { ...base.entity, externalId: `E-E2E-${n}`, name: `Employee ${n}`, email: `employee-${n.toLowerCase()}@example.test`, managerEmail: `boss-${n.toLowerCase()}@example.test` },
  data: { ...base.data, ...data },
});

/**
 * Onboarding through HR, IT and the manager; a second one whose IT stage (1-minute SLA) is overdue
 * and escalates to the people team leads; an offboarding through its three stages.
 */
export async function runOnboarding(stack: E2eStack): Promise<OnboardingRun> {
  const admin = stack.backend.admin;
  await stack.install('onboarding');
  await admin.patch('/calendars/people-office').send({ workingHours: ALWAYS_OPEN }).expect(200);
  const staff = await stack.staffQueues(['hr', 'it', 'line-managers', 'people-leads']);
  const by = (queue: string) => staff[queue]!.client;

  await stack.callWebhook('caseflow-employee-onboarding', person(sample.onboarding, 'A'));
  await stack.callWebhook('caseflow-employee-onboarding', person(sample.onboarding, 'B', { stageSlaMinutes: 1 }));
  await stack.callWebhook('caseflow-employee-offboarding', person(sample.offboarding, 'C'));
  const [a, b, c] = await Promise.all([
    instanceOf(admin, 'employee-onboarding', 'E-E2E-A'),
    instanceOf(admin, 'employee-onboarding', 'E-E2E-B'),
    instanceOf(admin, 'employee-offboarding', 'E-E2E-C'),
  ]);

  await decide(by('hr'), (await openTask(admin, b!.id, 'hr')).id, 'done');
  for (const queue of ['hr', 'it', 'line-managers']) await decide(by(queue), (await openTask(admin, a!.id, queue)).id, 'done');
  for (const queue of ['line-managers', 'it', 'hr']) await decide(by(queue), (await openTask(admin, c!.id, queue)).id, 'done');

  // Nobody in IT acts on B: at the breach its task moves to the people team leads.
  await decide(by('people-leads'), (await openTask(admin, b!.id, 'people-leads', 150_000)).id, 'done');
  await decide(by('line-managers'), (await openTask(admin, b!.id, 'line-managers')).id, 'done');

  const [onboarded, escalated, offboarded] = await Promise.all([ended(admin, a!.id), ended(admin, b!.id), ended(admin, c!.id)]);

  const started = await admin.post('/instances').send({ processKey: 'employee-onboarding', ...person(sample.onboarding, 'D') }).expect(201);
  await decide(by('hr'), (await openTask(admin, started.body.id, 'hr')).id, 'done');
  await openTask(admin, started.body.id, 'it');
  const fromUi = await detail(admin, started.body.id);
  return { onboarded, escalated, offboarded, fromUi, staff, mail: await stack.mailbox() };
}
