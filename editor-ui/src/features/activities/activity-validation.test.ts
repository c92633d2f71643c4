import { describe, expect, it } from 'vitest';
import { toActivityInput, validateActivityDraft, type ActivityDraft } from './activity-validation';
import { fromLocalInput, toLocalInput } from './local-time';

const draft = (overrides: Partial<ActivityDraft> = {}): ActivityDraft => ({
  kind: 'follow-up',
  title: 'Call the student',
  note: '',
  due: '2026-12-09T10:00',
  start: '',
  end: '',
  assigneeId: '',
  ...overrides,
});

const local = (year: number, month: number, day: number, hour: number, minute = 0) => new Date(year, month - 1, day, hour, minute).toISOString();

describe('local time ⇄ ISO', () => {
  it('reads a datetime-local value as local time and writes it back unchanged', () => {
    expect(fromLocalInput('2026-12-09T10:00')).toBe(local(2026, 12, 9, 10));
    expect(toLocalInput(local(2026, 12, 9, 10, 5))).toBe('2026-12-09T10:05');
    expect(toLocalInput(fromLocalInput('2027-01-31T23:59'))).toBe('2027-01-31T23:59');
  });

  it('refuses what is not a real time rather than rolling it into another day', () => {
    expect(fromLocalInput('')).toBeNull();
    expect(fromLocalInput('2026-02-31T10:00')).toBeNull();
    expect(fromLocalInput('2026-12-09T25:00')).toBeNull();
    expect(fromLocalInput('tomorrow')).toBeNull();
    expect(toLocalInput(null)).toBe('');
  });
});

describe('validateActivityDraft (the backend’s rules, checked before sending)', () => {
  it('accepts a follow-up with a title and a due time', () => {
    expect(validateActivityDraft(draft())).toEqual({});
  });

  it('requires a title, and at most 200 characters of it', () => {
    expect(validateActivityDraft(draft({ title: '   ' }))).toEqual({ title: 'Give the activity a title.' });
    expect(validateActivityDraft(draft({ title: 'x'.repeat(201) })).title).toBe('The title can be at most 200 characters.');
    expect(validateActivityDraft(draft({ title: 'x'.repeat(200) }))).toEqual({});
  });

  it('requires a due time on a follow-up but not on a to-do', () => {
    expect(validateActivityDraft(draft({ due: '' }))).toEqual({ due: 'A follow-up needs a due time.' });
    expect(validateActivityDraft(draft({ kind: 'to-do', due: '' }))).toEqual({});
    expect(validateActivityDraft(draft({ kind: 'to-do', due: '2026-13-01T10:00' }))).toEqual({ due: 'Enter a date and a time.' });
  });

  it('requires an event to start before it ends', () => {
    const event = draft({ kind: 'event', due: '', start: '2026-12-09T10:00', end: '2026-12-09T11:00' });
    expect(validateActivityDraft(event)).toEqual({});
    expect(validateActivityDraft({ ...event, end: '2026-12-09T10:00' })).toEqual({ end: 'The end must be after the start.' });
    expect(validateActivityDraft({ ...event, end: '2026-12-09T09:00' })).toEqual({ end: 'The end must be after the start.' });
    expect(validateActivityDraft({ ...event, start: '', end: '' })).toEqual({ start: 'An event needs a start time.', end: 'An event needs an end time.' });
  });

  it('limits the note to 4000 characters', () => {
    expect(validateActivityDraft(draft({ note: 'n'.repeat(4001) }))).toEqual({ note: 'The note can be at most 4000 characters.' });
  });
});

describe('toActivityInput', () => {
  it('sends only the times the kind uses, in UTC, and no empty note or assignee', () => {
    expect(toActivityInput(draft({ title: ' Call the student ', start: '2026-12-09T08:00' }))).toEqual({ kind: 'follow-up', title: 'Call the student', dueAt: local(2026, 12, 9, 10) });
    expect(toActivityInput(draft({ kind: 'event', due: '2026-12-01T10:00', start: '2026-12-09T10:00', end: '2026-12-09T11:30', note: 'Room 4', assigneeId: 'user-2' }))).toEqual({
      kind: 'event',
      title: 'Call the student',
      note: 'Room 4',
      startAt: local(2026, 12, 9, 10),
      endAt: local(2026, 12, 9, 11, 30),
      assigneeId: 'user-2',
    });
    expect(toActivityInput(draft({ kind: 'to-do', due: '' }))).toEqual({ kind: 'to-do', title: 'Call the student' });
  });
});
