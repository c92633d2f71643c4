import { describe, expect, it } from 'vitest';
import type { AgendaResponse } from '../../api/activity-types';
import { anAgendaItem } from '../activities/test-fixtures';
import { agendaSections, dayTitle, todayIn } from './agenda-sections';

const agenda = (overrides: Partial<AgendaResponse> = {}): AgendaResponse => ({
  timeZone: 'Europe/London',
  from: '2026-12-07',
  to: '2026-12-20',
  overdue: [],
  days: [],
  undated: [],
  ...overrides,
});

const titles = (sections: ReturnType<typeof agendaSections>) => sections.map((section) => [section.title, section.items.map((item) => item.title)]);

describe('dayTitle', () => {
  it('names today and tomorrow, and any other day by weekday, day and month', () => {
    expect(dayTitle('2026-12-07', '2026-12-07')).toBe('Today');
    expect(dayTitle('2026-12-08', '2026-12-07')).toBe('Tomorrow');
    expect(dayTitle('2026-12-09', '2026-12-07')).toBe('Wed 9 Dec');
    expect(dayTitle('2027-01-01', '2026-12-31')).toBe('Tomorrow');
  });
});

describe('todayIn', () => {
  it('is the date in the agenda’s zone, not the browser’s', () => {
    const lateEvening = new Date('2026-12-07T23:30:00Z');
    expect(todayIn('UTC', lateEvening)).toBe('2026-12-07');
    expect(todayIn('Asia/Tokyo', lateEvening)).toBe('2026-12-08');
    expect(todayIn('America/New_York', new Date('2026-12-08T03:00:00Z'))).toBe('2026-12-07');
  });
});

describe('agendaSections', () => {
  it('puts Overdue first (oldest first), then each day in date order with items by time, then No date', () => {
    const sections = agendaSections(
      agenda({
        days: [
          { date: '2026-12-09', items: [anAgendaItem({ id: 'e', type: 'event', title: 'Meet Ada', at: '2026-12-09T14:00:00Z', endAt: '2026-12-09T15:00:00Z' })] },
          {
            date: '2026-12-07',
            items: [anAgendaItem({ id: 't', type: 'task', title: 'Review referral', at: '2026-12-07T16:00:00Z' }), anAgendaItem({ id: 'c', title: 'Call Grace', at: '2026-12-07T09:00:00Z' })],
          },
          { date: '2026-12-08', items: [anAgendaItem({ id: 'f', title: 'Call the student' })] },
        ],
        overdue: [anAgendaItem({ id: 'late', title: 'Chase the letter', at: '2026-12-05T09:00:00Z', overdue: true }), anAgendaItem({ id: 'older', type: 'task', title: 'Old task', at: '2026-11-30T09:00:00Z', overdue: true })],
        undated: [anAgendaItem({ id: 'u', type: 'to-do', title: 'Tidy the notes', at: null })],
      }),
      '2026-12-07',
    );
    expect(titles(sections)).toEqual([
      ['Overdue', ['Old task', 'Chase the letter']],
      ['Today', ['Call Grace', 'Review referral']],
      ['Tomorrow', ['Call the student']],
      ['Wed 9 Dec', ['Meet Ada']],
      ['No date', ['Tidy the notes']],
    ]);
    expect(sections.map((section) => section.tone)).toEqual(['overdue', 'day', 'day', 'day', 'undated']);
  });

  it('shows something overdue once, under Overdue, even when its day is listed too', () => {
    const late = anAgendaItem({ id: 'late', title: 'Call Grace', at: '2026-12-07T08:00:00Z', overdue: true });
    const sections = agendaSections(agenda({ overdue: [late], days: [{ date: '2026-12-07', items: [late, anAgendaItem({ id: 'next', title: 'Later today', at: '2026-12-07T15:00:00Z' })] }] }), '2026-12-07');
    expect(titles(sections)).toEqual([
      ['Overdue', ['Call Grace']],
      ['Today', ['Later today']],
    ]);
  });

  it('tells a task and an activity with the same id apart', () => {
    const sections = agendaSections(
      agenda({ overdue: [anAgendaItem({ id: 'x', type: 'task', title: 'A task', overdue: true })], days: [{ date: '2026-12-08', items: [anAgendaItem({ id: 'x', type: 'follow-up', title: 'A follow-up' })] }] }),
      '2026-12-07',
    );
    expect(titles(sections)).toEqual([
      ['Overdue', ['A task']],
      ['Tomorrow', ['A follow-up']],
    ]);
  });

  it('leaves out empty sections, so an empty agenda has none', () => {
    expect(agendaSections(agenda({ days: [{ date: '2026-12-08', items: [] }] }), '2026-12-07')).toEqual([]);
  });
});
