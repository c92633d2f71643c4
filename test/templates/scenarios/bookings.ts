import type { MessageResponse } from '../../../backend/src/messages/messages.dto';
import sample from '../../../templates/bookings/sample-data.json';
import { ALWAYS_OPEN, decide, detail, ended, instanceOf, openTask, type InstanceView } from '../support/cases';
import type { E2eStack } from '../support/e2e-stack';
import { callTwice, refusal, type Refusal, type RepeatedCall } from '../support/launches';
import { waitFor } from '../support/wait';

export interface BookingsRun {
  certified: InstanceView;
  cancelled: InstanceView;
  noShow: InstanceView;
  /** Booked without data.bookedAt: confirmed from its case's creation instead. */
  undated: InstanceView;
  /** From the call that booked it (its case was created during that call) to its confirmation, in ms. */
  undatedConfirmationDelayMs: number;
  /** Cancelled 20 s after booking, so before its confirmation was due. */
  cancelledEarly: InstanceView;
  /** The n8n execution of that booking's flow, as n8n recorded it: its status and the nodes that ran. */
  cancelledEarlyExecution: { status: string; nodes: string[] };
  /** When each booking was made and when its confirmation landed, in ms. */
  confirmationDelayMs: number;
  /** Booking A's webhook, called twice with the same body. */
  repeated: RepeatedCall;
  /** Booking B's cancellation webhook, called twice with the same body. */
  cancellation: RepeatedCall;
  /** A booking without data.courseStart. */
  refused: Refusal;
  /** The cancellation of a booking Caseflow never saw. */
  unknownCancellation: Refusal;
  admins: string;
  mail: MessageResponse[];
}

const iso = (ms: number): string => new Date(ms).toISOString();
const DAY = 86_400_000;

const booking = (n: string, data: Record<string, unknown>) => ({
  entity: { ...sample.entity, externalId: `B-E2E-${n}`, name: `Delegate ${n}`, email: `delegate-${n.toLowerCase()}@example.test`, managerEmail: `manager-${n.toLowerCase()}@example.test` },
  data: { ...sample.data, ...data },
});
const keyOf = (n: string) => ({ processKey: 'bookings', entityType: 'booking', externalId: `B-E2E-${n}` });

/**
 * Four bookings, dated so every wait is short: one below viability that is completed (certificate,
 * its webhook called twice), one cancelled after its confirmation (delegate and manager told, case
 * and timers cancelled), one viable that is a no-show, one cancelled before its confirmation was due.
 * Plus a booking refused at intake and the cancellation of an unknown booking.
 */
export async function runBookings(stack: E2eStack): Promise<BookingsRun> {
  const admin = stack.backend.admin;
  await stack.install('bookings');
  await admin.patch('/calendars/training-office').send({ workingHours: ALWAYS_OPEN }).expect(200);
  const staff = await stack.staffQueues(['course-admins', 'training-managers']);
  const now = Date.now();
  // Booked 50 s ago: the confirmation is due in 70 s, a wait the backend's timer owns (over a minute).
  const bookedA = now - 50_000;
  const repeated = await callTwice(stack, 'caseflow-booking', booking('A', { bookedAt: iso(bookedA), courseStart: iso(now + 14 * DAY + 100_000), viability: 0.3 }), keyOf('A'));
  await stack.callWebhook('caseflow-booking', booking('B', { bookedAt: iso(now - 115_000), courseStart: iso(now + 30 * DAY), viability: 0.9 }));
  await stack.callWebhook('caseflow-booking', booking('C', { bookedAt: iso(now - 115_000), courseStart: iso(now + 14 * DAY + 20_000), viability: 0.9 }));
  // D books 50 s ago and cancels 20 s later: its confirmation would be due in 70 s, its cancellation emails in 90 s.
  const bookedD = now - 50_000;
  await stack.callWebhook('caseflow-booking', booking('D', { bookedAt: iso(bookedD), courseStart: iso(now + 30 * DAY), viability: 0.9 }));
  // E brings no booking time: its confirmation counts 2 minutes from its case's creation.
  const launchedE = Date.now();
  await stack.callWebhook('caseflow-booking', booking('E', { bookedAt: undefined, courseStart: iso(now + 30 * DAY), viability: 0.9 }));
  const [a, b, c, d, e] = await Promise.all(['A', 'B', 'C', 'D', 'E'].map((n) => instanceOf(admin, 'bookings', `B-E2E-${n}`)));
  await stack.callWebhook('caseflow-booking-cancellation', {
    entity: booking('D', {}).entity,
    data: { cancelledAt: iso(bookedD + 20_000), reason: 'Booked the wrong date' },
  });

  const refused = await refusal(stack, 'caseflow-booking', booking('REFUSED', { bookedAt: iso(now), courseStart: undefined }), keyOf('REFUSED'));
  const unknownCancellation = await refusal(
    stack,
    'caseflow-booking-cancellation',
    { entity: booking('UNKNOWN', {}).entity, data: { cancelledAt: iso(now), reason: 'Never booked' } },
    keyOf('UNKNOWN'),
  );

  // B cancels after its confirmation: the cancellation is confirmed 2 minutes after it was made (55 s ago).
  await waitFor('the confirmation of B', async () => (await stack.mailbox()).some((m) => m.recipients.includes('delegate-b@example.test')));
  const cancellation = await callTwice(
    stack,
    'caseflow-booking-cancellation',
    { entity: booking('B', {}).entity, data: { cancelledAt: iso(Date.now() - 55_000), reason: 'Clashes with a client visit' } },
    keyOf('B'),
  );

  const confirmationA = await waitFor('the confirmation of A', async () =>
    (await stack.mailbox()).find((m) => m.recipients.includes('delegate-a@example.test') && m.subject.startsWith('Your place on')),
  120_000);
  const confirmationE = await waitFor('the confirmation of E', async () =>
    (await stack.mailbox()).find((m) => m.recipients.includes('delegate-e@example.test') && m.subject.startsWith('Your place on')),
  180_000);
  const taskA = await openTask(admin, a!.id, 'course-admins', 120_000);
  await decide(staff['course-admins']!.client, taskA.id, 'completed');
  const taskC = await openTask(admin, c!.id, 'course-admins', 120_000);
  await decide(staff['course-admins']!.client, taskC.id, 'no-show');

  const [certified, cancelled, noShow, cancelledEarly] = await Promise.all([
    ended(admin, a!.id),
    ended(admin, b!.id, 150_000),
    ended(admin, c!.id),
    ended(admin, d!.id, 150_000),
  ]);
  const execution = await stack.n8nApi.getExecution(cancelledEarly.n8nExecutionId!, { includeData: true });
  return {
    certified,
    cancelled: await detail(admin, cancelled.id),
    noShow,
    cancelledEarly: await detail(admin, cancelledEarly.id),
    undated: await detail(admin, e!.id),
    undatedConfirmationDelayMs: Date.parse(confirmationE.createdAt) - launchedE,
    cancelledEarlyExecution: { status: execution.status, nodes: Object.keys(execution.data?.resultData.runData ?? {}) },
    confirmationDelayMs: Date.parse(confirmationA.createdAt) - bookedA,
    repeated,
    cancellation,
    refused,
    unknownCancellation,
    admins: staff['course-admins']!.email,
    mail: await stack.mailbox(),
  };
}
