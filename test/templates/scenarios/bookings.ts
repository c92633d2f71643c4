import type { MessageResponse } from '../../../backend/src/messages/messages.dto';
import sample from '../../../templates/bookings/sample-data.json';
import { ALWAYS_OPEN, decide, detail, ended, instanceOf, openTask, type InstanceView } from '../support/cases';
import type { E2eStack } from '../support/e2e-stack';
import { waitFor } from '../support/wait';

export interface BookingsRun {
  certified: InstanceView;
  cancelled: InstanceView;
  noShow: InstanceView;
  /** When each booking was made and when its confirmation landed, in ms. */
  confirmationDelayMs: number;
  admins: string;
  mail: MessageResponse[];
}

const iso = (ms: number): string => new Date(ms).toISOString();
const DAY = 86_400_000;

const booking = (n: string, data: Record<string, unknown>) => ({
  entity: { ...sample.entity, externalId: `B-E2E-${n}`, name: `Delegate ${n}`, email: `delegate-${n.toLowerCase()}@example.test`, managerEmail: `manager-${n.toLowerCase()}@example.test` },
  data: { ...sample.data, ...data },
});

/**
 * Three bookings, dated so every wait is short: one below viability that is completed (certificate),
 * one cancelled (delegate and manager told, case and timers cancelled), one viable that is a no-show.
 */
export async function runBookings(stack: E2eStack): Promise<BookingsRun> {
  const admin = stack.backend.admin;
  await stack.install('bookings');
  await admin.patch('/calendars/training-office').send({ workingHours: ALWAYS_OPEN }).expect(200);
  const staff = await stack.staffQueues(['course-admins', 'training-managers']);
  const now = Date.now();
  // Booked 50 s ago: the confirmation is due in 70 s, a wait the backend's timer owns (over a minute).
  const bookedA = now - 50_000;
  await stack.callWebhook('caseflow-booking', booking('A', { bookedAt: iso(bookedA), courseStart: iso(now + 14 * DAY + 100_000), viability: 0.3 }));
  await stack.callWebhook('caseflow-booking', booking('B', { bookedAt: iso(now - 115_000), courseStart: iso(now + 30 * DAY), viability: 0.9 }));
  await stack.callWebhook('caseflow-booking', booking('C', { bookedAt: iso(now - 115_000), courseStart: iso(now + 14 * DAY + 20_000), viability: 0.9 }));
  const [a, b, c] = await Promise.all(['A', 'B', 'C'].map((n) => instanceOf(admin, 'bookings', `B-E2E-${n}`)));

  // B cancels: the cancellation is confirmed 2 minutes after it was made (55 s ago).
  await waitFor('the confirmation of B', async () => (await stack.mailbox()).some((m) => m.recipients.includes('delegate-b@example.test')));
  await stack.callWebhook('caseflow-booking-cancellation', {
    entity: booking('B', {}).entity,
    data: { cancelledAt: iso(Date.now() - 55_000), reason: 'Clashes with a client visit' },
  });

  const confirmationA = await waitFor('the confirmation of A', async () =>
    (await stack.mailbox()).find((m) => m.recipients.includes('delegate-a@example.test') && m.subject.startsWith('Your place on')),
  120_000);
  const taskA = await openTask(admin, a!.id, 'course-admins', 120_000);
  await decide(staff['course-admins']!.client, taskA.id, 'completed');
  const taskC = await openTask(admin, c!.id, 'course-admins', 120_000);
  await decide(staff['course-admins']!.client, taskC.id, 'no-show');

  const [certified, cancelled, noShow] = await Promise.all([ended(admin, a!.id), ended(admin, b!.id, 150_000), ended(admin, c!.id)]);
  return {
    certified,
    cancelled: await detail(admin, cancelled.id),
    noShow,
    confirmationDelayMs: Date.parse(confirmationA.createdAt) - bookedA,
    admins: staff['course-admins']!.email,
    mail: await stack.mailbox(),
  };
}
