import type { MessageResponse } from '../../../backend/src/messages/messages.dto';
import samples from '../../../templates/bookings/sample-data.json';
import { pdfText } from '../../support/pdf-text';
import { ALWAYS_OPEN, detail, ended, instanceOf, type InstanceView } from '../support/cases';
import type { E2eStack, WebhookAnswer } from '../support/e2e-stack';
import { callTwice, refusal, type Refusal, type RepeatedCall } from '../support/launches';
import { waitFor } from '../support/wait';

export interface Certificate {
  to: string;
  subject: string;
  filename: string;
  contentType: string;
  text: string;
}

export interface BookingsRun {
  /** Five live bookings (A–E) and one cancelled early (F) on a course date below its minimum of six. */
  poorDate: InstanceView;
  /** A date whose forecast says good, with one booking; a date with no booking at all. */
  goodDate: InstanceView;
  emptyDate: InstanceView;
  /** What the course-date webhook answered when the poor date was set Completed. */
  completion: WebhookAnswer;
  /** The five live bookings on the poor date after it was completed; D was recorded as a no-show. */
  certified: InstanceView[];
  noShow: InstanceView;
  /** Booked 50 s ago and cancelled 20 s later, before its confirmation was due. */
  cancelledEarly: InstanceView;
  cancelledEarlyExecution: { status: string; nodes: string[] };
  /** Booked on the good date, cancelled after its confirmation (its cancellation webhook called twice). */
  cancelled: InstanceView;
  cancellation: RepeatedCall;
  /** Booked without data.bookedAt: confirmed 2 minutes after its case was created. */
  undated: InstanceView;
  undatedConfirmationDelayMs: number;
  /** From A's booking time to its confirmation, in ms. */
  confirmationDelayMs: number;
  /** Booking A's webhook, called twice with the same body. */
  repeated: RepeatedCall;
  /** A booking without data.courseDate, and one on a course date Caseflow does not know. */
  refused: Refusal;
  unknownDate: Refusal;
  unknownCancellation: Refusal;
  certificates: Certificate[];
  admins: string;
  mail: MessageResponse[];
}

const iso = (ms: number): string => new Date(ms).toISOString();
const DAY = 86_400_000;

const courseDate = (id: string, name: string, attributes: Record<string, unknown>) => ({
  entity: { ...samples['course-dates'].entity, externalId: `CD-E2E-${id}`, name, attributes: { ...samples['course-dates'].entity.attributes, ...attributes } },
});
const booking = (n: string, data: Record<string, unknown>) => ({
  entity: { ...samples.bookings.entity, externalId: `B-E2E-${n}`, name: `Delegate ${n}`, email: `delegate-${n.toLowerCase()}@example.test`, managerEmail: `manager-${n.toLowerCase()}@example.test` },
  data: { ...samples.bookings.data, ...data },
});
const keyOf = (n: string) => ({ processKey: 'bookings', entityType: 'booking', externalId: `B-E2E-${n}` });

/**
 * Three course dates whose viability checks fall due a minute from now: "Poor" with five live bookings
 * against a minimum of six (and one cancelled early), "Good" forecast good, "Empty" with no booking.
 * Poor is then set Completed: its booked delegates are certified without a click, its no-show and its
 * cancelled booking are not. Also: a cancellation after the confirmation, a booking without a booking
 * time, refusals, and the cancellation of an unknown booking.
 */
export async function runBookings(stack: E2eStack): Promise<BookingsRun> {
  const admin = stack.backend.admin;
  await stack.install('bookings');
  await admin.patch('/calendars/training-office').send({ workingHours: ALWAYS_OPEN }).expect(200);
  const staff = await stack.staffQueues(['course-admins', 'training-managers']);
  const now = Date.now();
  const checkAt = now + 14 * DAY + 60_000;
  for (const body of [
    courseDate('POOR', 'Poor Course', { startDate: iso(checkAt), minimumDelegates: 6, viabilityForecast: undefined }),
    courseDate('GOOD', 'Good Course', { startDate: iso(checkAt), minimumDelegates: 6, viabilityForecast: 'good' }),
    courseDate('EMPTY', 'Empty Course', { startDate: iso(checkAt), minimumDelegates: 1 }),
  ]) {
    const answer = await stack.callWebhook('caseflow-course-date', body);
    if (answer.status !== 201) throw new Error(`course date ${body.entity.externalId}: ${answer.status} ${JSON.stringify(answer.body)}`);
  }

  // A: booked 50 s ago, so its confirmation is due in 70 s (a wait the backend's timer owns); its webhook called twice.
  const bookedA = now - 50_000;
  const repeated = await callTwice(stack, 'caseflow-booking', booking('A', { bookedAt: iso(bookedA), courseDate: 'CD-E2E-POOR' }), keyOf('A'));
  for (const n of ['B', 'C', 'D', 'E']) await stack.callWebhook('caseflow-booking', booking(n, { bookedAt: iso(now - 115_000), courseDate: 'CD-E2E-POOR' }));
  // F books 50 s ago and cancels 20 s later: no confirmation, and it no longer counts on its course date.
  const bookedF = now - 50_000;
  await stack.callWebhook('caseflow-booking', booking('F', { bookedAt: iso(bookedF), courseDate: 'CD-E2E-POOR' }));
  await stack.callWebhook('caseflow-booking', booking('G', { bookedAt: iso(now - 115_000), courseDate: 'CD-E2E-GOOD' }));
  const launchedU = Date.now();
  await stack.callWebhook('caseflow-booking', booking('U', { bookedAt: undefined, courseDate: 'CD-E2E-GOOD' }));
  const ids = Object.fromEntries(
    await Promise.all(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'U'].map(async (n) => [n, (await instanceOf(admin, 'bookings', `B-E2E-${n}`)).id] as const)),
  );
  await stack.callWebhook('caseflow-booking-cancellation', { entity: booking('F', {}).entity, data: { cancelledAt: iso(bookedF + 20_000), reason: 'Booked the wrong date' } });

  const refused = await refusal(stack, 'caseflow-booking', booking('REFUSED', { bookedAt: iso(now), courseDate: undefined }), keyOf('REFUSED'));
  const unknownDate = await refusal(stack, 'caseflow-booking', booking('NODATE', { bookedAt: iso(now), courseDate: 'CD-E2E-NOPE' }), keyOf('NODATE'));
  const unknownCancellation = await refusal(
    stack,
    'caseflow-booking-cancellation',
    { entity: booking('UNKNOWN', {}).entity, data: { cancelledAt: iso(now), reason: 'Never booked' } },
    keyOf('UNKNOWN'),
  );

  // G cancels after its confirmation: the cancellation is confirmed 2 minutes after it was made (55 s ago).
  await waitFor('the confirmation of G', async () => (await stack.mailbox()).some((m) => m.recipients.includes('delegate-g@example.test')));
  const cancellation = await callTwice(
    stack,
    'caseflow-booking-cancellation',
    { entity: booking('G', {}).entity, data: { cancelledAt: iso(Date.now() - 55_000), reason: 'Clashes with a client visit' } },
    keyOf('G'),
  );

  // D did not attend: recorded on the booking itself, no task to decide.
  const d = (await admin.get(`/instances/${ids.D}`).expect(200)).body as { entity: { id: string } };
  await admin.patch(`/entities/${d.entity.id}`).send({ attributes: { attendance: 'no-show' } }).expect(200);

  const confirmationA = await waitFor('the confirmation of A', async () =>
    (await stack.mailbox()).find((m) => m.recipients.includes('delegate-a@example.test') && m.subject.startsWith('Your place on')),
  120_000);
  await waitFor('the viability checks of the three dates', async () => {
    const dates = await Promise.all(['POOR', 'GOOD', 'EMPTY'].map((id) => instanceOf(admin, 'course-dates', `CD-E2E-${id}`)));
    const failed = dates.find((date) => date.status === 'failed');
    if (failed) throw new Error(`course date case ${failed.id} failed: ${JSON.stringify((failed as unknown as { failure?: unknown }).failure)}`);
    return dates.every((date) => date.currentStage?.key === 'running' || date.currentStage?.key === 'at-risk');
  }, 120_000);
  await waitFor('A in its confirmed stage', async () => (await detail(admin, ids.A!)).currentStage?.key === 'confirmed', 30_000);

  // The course has run: the training system sets the date Completed through the same webhook.
  const completion = await stack.callWebhook('caseflow-course-date', courseDate('POOR', 'Poor Course', { status: 'Completed' }));
  const live = ['A', 'B', 'C', 'E'];
  const certified = await Promise.all(live.map((n) => ended(admin, ids[n]!, 90_000)));
  const noShow = await ended(admin, ids.D!, 90_000);
  const confirmationU = await waitFor('the confirmation of U', async () =>
    (await stack.mailbox()).find((m) => m.recipients.includes('delegate-u@example.test') && m.subject.startsWith('Your place on')),
  180_000);
  const [cancelledEarly, cancelled] = await Promise.all([ended(admin, ids.F!, 150_000), ended(admin, ids.G!, 150_000)]);
  const [poorDate, goodDate, emptyDate] = await Promise.all(['POOR', 'GOOD', 'EMPTY'].map((id) => instanceOf(admin, 'course-dates', `CD-E2E-${id}`)));
  const execution = await stack.n8nApi.getExecution(cancelledEarly.n8nExecutionId!, { includeData: true });
  const mail = await stack.mailbox();
  return {
    poorDate: await ended(admin, poorDate.id, 60_000),
    goodDate: await detail(admin, goodDate.id),
    emptyDate: await detail(admin, emptyDate.id),
    completion,
    certified,
    noShow,
    cancelledEarly: await detail(admin, cancelledEarly.id),
    cancelledEarlyExecution: { status: execution.status, nodes: Object.keys(execution.data?.resultData.runData ?? {}) },
    cancelled: await detail(admin, cancelled.id),
    cancellation,
    undated: await detail(admin, ids.U!),
    undatedConfirmationDelayMs: Date.parse(confirmationU.createdAt) - launchedU,
    confirmationDelayMs: Date.parse(confirmationA.createdAt) - bookedA,
    repeated,
    refused,
    unknownDate,
    unknownCancellation,
    certificates: await certificatesIn(stack, mail),
    admins: staff['course-admins']!.email,
    mail,
  };
}

/** Every certificate email with its PDF attachment downloaded and read as text. */
async function certificatesIn(stack: E2eStack, mail: MessageResponse[]): Promise<Certificate[]> {
  const out: Certificate[] = [];
  for (const message of mail.filter((m) => m.subject.startsWith('Your certificate'))) {
    for (const attachment of message.attachments) {
      const res = await stack.backend.admin.get(attachment.url.replace(/^\/api\/v1/, '')).buffer(true).parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      });
      if (res.status !== 200) throw new Error(`attachment ${attachment.url}: ${res.status}`);
      out.push({ to: message.recipients.join(','), subject: message.subject, filename: attachment.filename, contentType: attachment.contentType, text: await pdfText(res.body as Buffer) });
    }
  }
  return out;
}
