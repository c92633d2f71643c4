import type { MessageResponse } from '../../../backend/src/messages/messages.dto';
import sample from '../../../templates/invoices/sample-data.json';
import { decide, detail, ended, instanceOf, openTask, type InstanceView } from '../support/cases';
import type { E2eStack, WebhookAnswer } from '../support/e2e-stack';
import { callTwice, refusal, type Refusal, type RepeatedCall } from '../support/launches';
import { waitFor } from '../support/wait';

export interface InvoicesRun {
  /** A: due 20 s after it is registered, never paid: reminded, escalated, written off by finance. */
  escalated: InstanceView;
  /** B: due tomorrow, paid at once. */
  paid: InstanceView;
  /** C: registered 3 days after its due date (a date without a time), paid once its overdue email is out. */
  late: InstanceView;
  /** D: like A, but paid as soon as its first overdue email is out, before its follow-up reminder. */
  paidWhenOverdue: InstanceView;
  /** When A and D fall due, and when C and D were registered and paid (epoch ms). */
  times: { dueAt: number; lateRegisteredAt: number; latePaidAt: number; duePaidAt: number };
  /** C's due date, YYYY-MM-DD in London. */
  lateDueDate: string;
  /** Invoice A's webhook, called twice with the same body. */
  repeated: RepeatedCall;
  /** What the payment webhook answered for B. */
  payment: WebhookAnswer;
  /** An invoice without data.dueDate. */
  refused: Refusal;
  /** The payment of an invoice Caseflow never saw. */
  unknownPayment: Refusal;
  finance: string;
  mail: MessageResponse[];
}

const iso = (ms: number): string => new Date(ms).toISOString();
const DAY_MS = 86_400_000;
// The schedule after the due date in minutes instead of days: reminders at +1 and +2, the escalation at +3.
const SHORT = { unit: 'minutes', firstReminder: 1, secondReminder: 2, escalation: 3 };

/** The calendar date in the finance office's zone, YYYY-MM-DD, `days` after the day of `ms`. */
export function londonDate(ms: number, days = 0): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date(ms));
  return new Date(Date.parse(`${today}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

const invoice = (n: string, data: Record<string, unknown>) => ({
  entity: { ...sample.entity, externalId: `INV-E2E-${n}`, name: `Customer ${n}`, email: `accounts-${n.toLowerCase()}@example.test` },
  data: { ...sample.data, reminderSchedule: SHORT, ...data },
});
const keyOf = (n: string) => ({ processKey: 'invoices', entityType: 'invoice', externalId: `INV-E2E-${n}` });

const mailTo = (stack: E2eStack, email: string, subjectPart: string): Promise<MessageResponse> =>
  waitFor(`a message to ${email} saying "${subjectPart}"`, async () =>
    (await stack.mailbox()).find((m) => m.recipients.includes(email) && m.subject.includes(subjectPart)),
  );

/**
 * A stays unpaid (due today, overdue, two reminders, finance writes it off; its webhook called twice),
 * B is paid before it is due, C arrives 3 days overdue and D is paid between its overdue email and its
 * reminder; an invoice refused at intake and the payment of an unknown one.
 */
export async function runInvoices(stack: E2eStack): Promise<InvoicesRun> {
  const admin = stack.backend.admin;
  await stack.install('invoices');
  const staff = await stack.staffQueues(['accounts-receivable', 'finance', 'finance-managers']);
  const dueAt = Date.now() + 20_000;
  const repeated = await callTwice(stack, 'caseflow-invoice', invoice('A', { dueDate: iso(dueAt) }), keyOf('A'));
  await stack.callWebhook('caseflow-invoice', invoice('D', { dueDate: iso(dueAt) }));
  await stack.callWebhook('caseflow-invoice', invoice('B', { dueDate: londonDate(Date.now(), 1) }));
  const lateRegisteredAt = Date.now();
  const lateDueDate = londonDate(lateRegisteredAt, -3);
  // C keeps the default schedule (in days): its follow-up reminder is still 4 days away when it is paid.
  await stack.callWebhook('caseflow-invoice', { entity: invoice('C', {}).entity, data: { ...sample.data, dueDate: lateDueDate } });
  const [a, b, c, d] = await Promise.all(['A', 'B', 'C', 'D'].map((n) => instanceOf(admin, 'invoices', `INV-E2E-${n}`)));
  const pay = (n: string) => stack.callWebhook('caseflow-invoice-paid', { entity: invoice(n, {}).entity, data: { paidAt: iso(Date.now()) } });
  const payment = await pay('B');
  const refused = await refusal(stack, 'caseflow-invoice', invoice('REFUSED', { dueDate: undefined }), keyOf('REFUSED'));
  const unknownPayment = await refusal(
    stack,
    'caseflow-invoice-paid',
    { entity: invoice('UNKNOWN', {}).entity, data: { paidAt: iso(Date.now()) } },
    keyOf('UNKNOWN'),
  );
  const paid = await ended(admin, b!.id);

  // Paying C must cancel its pending follow-up reminder.
  await mailTo(stack, c!.entity.email, 'overdue');
  const latePaidAt = Date.now();
  await pay('C');
  const late = await ended(admin, c!.id);
  // D's follow-up reminder is due a minute after its due date: paying before it must stop it.
  await mailTo(stack, d!.entity.email, 'now overdue');
  const duePaidAt = Date.now();
  await pay('D');
  const paidWhenOverdue = await ended(admin, d!.id);

  const financeTask = await openTask(admin, a!.id, 'finance', 300_000);
  const noComment = await staff.finance!.client.post(`/tasks/${financeTask.id}/decide`).send({ decision: 'write-off' });
  if (noComment.status !== 400) throw new Error(`write-off without a comment answered ${noComment.status}`);
  await decide(staff.finance!.client, financeTask.id, 'write-off', 'Customer ceased trading');
  const escalated = await ended(admin, a!.id);
  return {
    escalated,
    paid: await detail(admin, paid.id),
    late: await detail(admin, late.id),
    paidWhenOverdue: await detail(admin, paidWhenOverdue.id),
    times: { dueAt, lateRegisteredAt, latePaidAt, duePaidAt },
    lateDueDate,
    repeated,
    payment,
    refused,
    unknownPayment,
    finance: staff.finance!.email,
    mail: await stack.mailbox(),
  };
}
