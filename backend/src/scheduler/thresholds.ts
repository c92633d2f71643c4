import { addBusinessMinutes, addBusinessTime, BusinessCalendar, businessTimeBetween } from '../calendars/business-time';
import type { EscalationStep } from '../database/tables';

/** What a stage visit's SLA clock is made of. */
export interface SlaClock {
  enteredAt: number;
  slaDueAt: number;
  /** Business time the clock has been paused for; resuming already pushed slaDueAt by it. */
  slaPausedMs: number;
}

/**
 * When a ladder step is due. A percentage is of the visit's own SLA in business time, shifted by
 * the business time the clock was paused (so 100 % is exactly the due time); "after breach"
 * counts business minutes from the due time.
 */
export function ladderStepDueAt(calendar: BusinessCalendar, clock: SlaClock, step: EscalationStep): number {
  if (step.afterBreachMinutes !== undefined) return addBusinessMinutes(calendar, clock.slaDueAt, step.afterBreachMinutes);
  const sla = Math.max(0, businessTimeBetween(calendar, clock.enteredAt, clock.slaDueAt) - clock.slaPausedMs);
  const share = Math.round((sla * (step.atPercent ?? 100)) / 100);
  return addBusinessTime(calendar, clock.enteredAt, share + clock.slaPausedMs);
}

/** When a visit counts as stalled: its stall threshold in business minutes after entering the stage. */
export const stallDueAt = (calendar: BusinessCalendar, enteredAt: number, stallAfterMinutes: number): number =>
  addBusinessMinutes(calendar, enteredAt, stallAfterMinutes);

/** The escalation reason a ladder step writes, readable in the timeline. */
export function describeStep(index: number, step: EscalationStep, stageName: string): string {
  const when = step.afterBreachMinutes !== undefined
    ? `${step.afterBreachMinutes} business minutes past the SLA`
    : `${step.atPercent}% of the SLA used`;
  return `Escalation ladder of "${stageName}", step ${index + 1}: ${when}`;
}
