import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../api/timeline-types';
import { formatDateTime } from '../../lib/format';
import { eventItems } from './event-items';

const DUE = '2026-12-09T10:00:00.000Z';
const base = { activityId: 'act-1', kind: 'follow-up', title: 'Call the student', assigneeId: 'u-2', assigneeName: 'Ada Lovelace', dueAt: DUE, startAt: null, endAt: null };

const event = (type: string, data: Record<string, unknown> = {}): TimelineEvent => ({
  id: `${type}-${Object.keys(data).join()}`,
  type,
  actor: { type: 'user', id: 'u-1', name: 'Rita Reviewer' },
  data: { ...base, ...data },
  at: '2026-12-07T09:00:00.000Z',
});

const titles = (events: TimelineEvent[]) => eventItems(events, new Set()).map((item) => item.title);

describe('activity events on the timeline', () => {
  it('says what was added, for whom and when it is due, and who did it', () => {
    const [added] = eventItems([event('activity.created')], new Set());
    expect(added).toMatchObject({ kind: 'event', title: `Follow-up 'Call the student' added for Ada Lovelace, due ${formatDateTime(DUE)}`, detail: 'by Rita Reviewer' });
  });

  it('gives an event its span and a to-do without a due time none', () => {
    expect(titles([event('activity.created', { kind: 'event', title: 'Meet Ada', dueAt: null, startAt: DUE, endAt: '2026-12-09T11:00:00.000Z' })])).toEqual([
      expect.stringMatching(new RegExp(`^Event 'Meet Ada' added for Ada Lovelace, ${formatDateTime(DUE)}–\\S`)),
    ]);
    expect(titles([event('activity.created', { kind: 'to-do', title: 'Send the forms', dueAt: null })])).toEqual(["To-do 'Send the forms' added for Ada Lovelace"]);
  });

  it('names a move, a reassignment, completion, reopening and cancelling', () => {
    expect(
      titles([
        event('activity.updated', { changed: ['dueAt'] }),
        event('activity.updated', { changed: ['assigneeId'], assigneeName: 'Grace Hopper' }),
        event('activity.updated', { changed: ['dueAt', 'assigneeId'], assigneeName: 'Grace Hopper' }),
        event('activity.updated', { changed: ['note'] }),
        event('activity.completed'),
        event('activity.reopened'),
        event('activity.cancelled'),
      ]),
    ).toEqual([
      `Follow-up 'Call the student' moved to ${formatDateTime(DUE)}`,
      "Follow-up 'Call the student' reassigned to Grace Hopper",
      `Follow-up 'Call the student' moved to ${formatDateTime(DUE)} and reassigned to Grace Hopper`,
      "Follow-up 'Call the student' changed",
      "Follow-up 'Call the student' completed",
      "Follow-up 'Call the student' reopened",
      "Follow-up 'Call the student' cancelled",
    ]);
  });
});
