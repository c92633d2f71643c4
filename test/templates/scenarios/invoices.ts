import type { MessageResponse } from '../../../backend/src/messages/messages.dto';
import sample from '../../../templates/invoices/sample-data.json';
import { decide, detail, ended, instanceOf, openTask, type InstanceView } from '../support/cases';
import type { E2eStack, WebhookAnswer } from '../support/e2e-stack';
import { callTwice, refusal, type Refusal, type RepeatedCall } from '../support/launches';
import { waitFor } from '../support/wait';

export interface InvoicesRun {
  escalated: InstanceView;
  paid: InstanceView;
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
// The reminder schedule in minutes instead of days: due, +1, +2, then the escalation at +3.
const SHORT = { unit: 'minutes', firstReminder: 1, secondReminder: 2, escalation: 3 };

const invoice = (n: string, data: Record<string, unknown>) => ({
  entity: { ...sample.entity, externalId: `INV-E2E-${n}`, name: `Customer ${n}`, email: `accounts-${n.toLowerCase()}@example.test` },
  data: { ...sample.data, reminderSchedule: SHORT, ...data },
});
const keyOf = (n: string) => ({ processKey: 'invoices', entityType: 'invoice', externalId: `INV-E2E-${n}` });

/**
 * One invoice that stays unpaid (three reminders, then finance writes it off; its webhook called
 * twice), one paid before it is due; an invoice refused at intake and the payment of an unknown one.
 */
export async function runInvoices(stack: E2eStack): Promise<InvoicesRun> {
  const admin = stack.backend.admin;
  await stack.install('invoices');
  const staff = await stack.staffQueues(['accounts-receivable', 'finance', 'finance-managers']);
  const now = Date.now();
  const repeated = await callTwice(stack, 'caseflow-invoice', invoice('A', { dueDate: iso(now + 20_000) }), keyOf('A'));
  await stack.callWebhook('caseflow-invoice', invoice('B', { dueDate: iso(now + 90_000) }));
  const [a, b] = await Promise.all([instanceOf(admin, 'invoices', 'INV-E2E-A'), instanceOf(admin, 'invoices', 'INV-E2E-B')]);
  const payment = await stack.callWebhook('caseflow-invoice-paid', { entity: invoice('B', {}).entity, data: { paidAt: iso(Date.now()) } });
  const refused = await refusal(stack, 'caseflow-invoice', invoice('REFUSED', { dueDate: undefined }), keyOf('REFUSED'));
  const unknownPayment = await refusal(
    stack,
    'caseflow-invoice-paid',
    { entity: invoice('UNKNOWN', {}).entity, data: { paidAt: iso(now) } },
    keyOf('UNKNOWN'),
  );
  const paid = await ended(admin, b!.id);

  const financeTask = await openTask(admin, a!.id, 'finance', 300_000);
  const noComment = await staff.finance!.client.post(`/tasks/${financeTask.id}/decide`).send({ decision: 'write-off' });
  if (noComment.status !== 400) throw new Error(`write-off without a comment answered ${noComment.status}`);
  await decide(staff.finance!.client, financeTask.id, 'write-off', 'Customer ceased trading');
  const escalated = await ended(admin, a!.id);
  // B's due date has long passed by now: no reminder may have gone out for it.
  await waitFor('B to be past its due date', async () => Date.now() > now + 100_000);
  return {
    escalated,
    paid: await detail(admin, paid.id),
    repeated,
    payment,
    refused,
    unknownPayment,
    finance: staff.finance!.email,
    mail: await stack.mailbox(),
  };
}
