import type { DelayStep, DelayUnit, EscalateStep, MessageStep } from '../../../api/types';

const UNIT_WORDS: Record<DelayUnit, [string, string]> = {
  minutes: ['minute', 'minutes'],
  hours: ['hour', 'hours'],
  days: ['day', 'days'],
  weeks: ['week', 'weeks'],
  months: ['month', 'months'],
  businessDays: ['business day', 'business days'],
};

/** "3 days after data.bookedAt", "1 business day before data.courseStart", "at data.dueDate". */
export function describeWait(step: DelayStep): string {
  if (step.amount === 0) return `at ${step.anchorField}`;
  const [one, many] = UNIT_WORDS[step.unit];
  return `${step.amount} ${step.amount === 1 ? one : many} ${step.direction} ${step.anchorField}`;
}

/** Who a message goes to, in the order Send Templated Message adds them. */
export function describeRecipients(step: MessageStep): string[] {
  const addresses = (step.addresses ?? '')
    .split(',')
    .map((address) => address.trim())
    .filter((address) => address.length > 0);
  return [
    ...(step.toEntity ? ['the record'] : []),
    ...(step.toManager ? ["the record's manager"] : []),
    ...(step.toQueue ? [`queue ${step.toQueue}`] : []),
    ...addresses,
  ];
}

const PRIORITIES = ['low', 'normal', 'high', 'urgent'];

export const describePriority = (priority: number) => `${priority} (${PRIORITIES[priority - 1] ?? 'unknown'})`;

/** Where an escalation sends the open task: "queue finance-managers", "dana", or only a new priority. */
export function describeEscalationTarget(step: EscalateStep): string {
  if (step.toQueue) return `queue ${step.toQueue}`;
  if (step.toUser) return step.toUser;
  return step.priority !== undefined ? `priority ${describePriority(step.priority)}` : 'the same queue';
}
