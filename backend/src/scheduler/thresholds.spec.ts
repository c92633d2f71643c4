import { ALWAYS_OPEN, BusinessCalendar } from '../calendars/business-time';
import { describeStep, ladderStepDueAt, stallDueAt } from './thresholds';

const at = (text: string): number => Date.parse(text);
const iso = (ms: number): string => new Date(ms).toISOString();
const day: Array<[string, string]> = [['09:00', '17:00']];
const office: BusinessCalendar = {
  timeZone: 'Europe/London',
  workingHours: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: [], sun: [] },
  holidays: [],
};

describe('ladderStepDueAt', () => {
  // Entered Friday 15:00 GMT with a 4-business-hour SLA: due Monday 11:00.
  const clock = { enteredAt: at('2026-11-06T15:00:00Z'), slaDueAt: at('2026-11-09T11:00:00Z'), slaPausedMs: 0 };

  it('puts a percentage of the SLA in business time, across the weekend', () => {
    expect(iso(ladderStepDueAt(office, clock, { atPercent: 50, action: 'notify' }))).toBe('2026-11-06T17:00:00.000Z');
    expect(iso(ladderStepDueAt(office, clock, { atPercent: 75, action: 'notify' }))).toBe('2026-11-09T10:00:00.000Z');
    expect(ladderStepDueAt(office, clock, { atPercent: 100, action: 'escalate' })).toBe(clock.slaDueAt);
  });

  it('counts business minutes after the breach', () => {
    const step = { afterBreachMinutes: 16 * 60, action: 'escalate' as const };
    expect(iso(ladderStepDueAt(office, clock, step))).toBe('2026-11-11T11:00:00.000Z');
  });

  it('moves percentage steps by the business time the clock was paused', () => {
    // Paused for one business hour: the resume pushed the due time from Monday 11:00 to 12:00.
    const paused = { ...clock, slaDueAt: at('2026-11-09T12:00:00Z'), slaPausedMs: 3_600_000 };
    expect(iso(ladderStepDueAt(office, paused, { atPercent: 50, action: 'notify' }))).toBe('2026-11-09T10:00:00.000Z');
    expect(ladderStepDueAt(office, paused, { atPercent: 100, action: 'notify' })).toBe(paused.slaDueAt);
  });

  it('is plain arithmetic on the 24/7 calendar', () => {
    const plain = { enteredAt: 0, slaDueAt: 60 * 60_000, slaPausedMs: 0 };
    expect(ladderStepDueAt(ALWAYS_OPEN, plain, { atPercent: 150, action: 'escalate' })).toBe(90 * 60_000);
  });
});

describe('stallDueAt and describeStep', () => {
  it('counts the stall threshold in business minutes from entering the stage', () => {
    expect(iso(stallDueAt(office, at('2026-11-06T15:00:00Z'), 480))).toBe('2026-11-09T15:00:00.000Z');
  });

  it('says which step fired and why', () => {
    expect(describeStep(1, { atPercent: 100, action: 'escalate' }, 'Advisor review')).toBe(
      'Escalation ladder of "Advisor review", step 2: 100% of the SLA used',
    );
  });
});
