import { ManualClock } from '../common/clock';
import { daysBetween } from './helpers';
import { MessageRenderer } from './renderer';

const NOW = Date.UTC(2026, 11, 13, 10, 0, 0); // 13 December 2026, 10:00 in London (GMT)
const renderer = new MessageRenderer(new ManualClock(NOW));
const text = (template: string, context: Record<string, unknown>): string =>
  renderer.render({ subject: '', html: '', text: template }, context).text;

describe('daysBetween', () => {
  it('counts whole calendar days between dates without a time, negative when the second comes first', () => {
    expect(daysBetween('2026-12-10', '2026-12-13')).toBe(3);
    expect(daysBetween('2026-12-13', '2026-12-10')).toBe(-3);
    expect(daysBetween('2026-12-10', '2026-12-10')).toBe(0);
    expect(daysBetween('2026-12-31', '2027-01-01', 'Europe/London')).toBe(1);
  });

  it('counts calendar days, not 24-hour periods: one minute across midnight is a day, 23 hours in one day are none', () => {
    expect(daysBetween('2026-12-10T23:59:00Z', '2026-12-11T00:01:00Z', 'Europe/London')).toBe(1);
    expect(daysBetween('2026-12-10T00:01:00Z', '2026-12-10T23:59:00Z', 'Europe/London')).toBe(0);
  });

  it('reads both dates in the time zone: 23:30 and 00:30 UTC are one day apart in London in summer, none in UTC', () => {
    expect(daysBetween('2026-07-01T22:00:00Z', '2026-07-01T23:30:00Z', 'Europe/London')).toBe(1);
    expect(daysBetween('2026-07-01T22:00:00Z', '2026-07-01T23:30:00Z')).toBe(0);
    expect(daysBetween('2026-07-01T20:00:00Z', '2026-07-02T01:00:00Z', 'America/New_York')).toBe(0);
  });

  it('takes a date without a time as that whole day in the zone', () => {
    expect(daysBetween('2026-07-10', '2026-07-10T22:59:00Z', 'Europe/London')).toBe(0);
    expect(daysBetween('2026-07-10', '2026-07-10T23:00:00Z', 'Europe/London')).toBe(1);
  });

  it('is not thrown off by a daylight-saving change (a 23-hour or 25-hour day is still one day)', () => {
    expect(daysBetween('2026-03-28', '2026-03-30', 'Europe/London')).toBe(2);
    expect(daysBetween('2026-10-24T12:00:00Z', '2026-10-26T12:00:00Z', 'Europe/London')).toBe(2);
  });

  it('gives null for a date it cannot read, and counts in UTC for an unknown time zone', () => {
    expect(daysBetween(undefined, '2026-12-10')).toBeNull();
    expect(daysBetween('2026-12-10', 'next Tuesday')).toBeNull();
    expect(daysBetween('2026-12-10', '2026-12-12', 'Mars/Olympus')).toBe(2);
  });
});

describe('the daysBetween template helper', () => {
  it('counts to a second date, or to the moment of rendering when given one date', () => {
    const context = { data: { dueDate: '2026-12-10' }, now: new Date(NOW).toISOString() };
    expect(text('{{daysBetween data.dueDate now "Europe/London"}}', context)).toBe('3');
    expect(text('{{daysBetween data.dueDate timeZone="Europe/London"}}', context)).toBe('3');
    expect(text('{{daysBetween data.dueDate}}', context)).toBe('3');
  });

  it('prints nothing for a missing date, including a missing second date (it does not fall back to now)', () => {
    expect(text('[{{daysBetween data.missing now}}][{{daysBetween "2026-12-10" data.missing}}]', { now: '2026-12-13T10:00:00Z' })).toBe('[][]');
  });

  it('reads right for 0, 1 and 3 days with plural', () => {
    const template =
      '{{#with (daysBetween data.dueDate now "Europe/London") as |days|}}{{#if (eq days 0)}}is now overdue{{else}}is {{days}} {{plural days "day"}} overdue{{/if}}{{/with}}';
    const overdue = (dueDate: string) => text(template, { data: { dueDate }, now: new Date(NOW).toISOString() });
    expect(overdue('2026-12-13T09:00:00Z')).toBe('is now overdue');
    expect(overdue('2026-12-12')).toBe('is 1 day overdue');
    expect(overdue('2026-12-10')).toBe('is 3 days overdue');
  });
});
