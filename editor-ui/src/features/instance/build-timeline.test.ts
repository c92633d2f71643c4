import { describe, expect, it } from 'vitest';
import type { InstanceDetail, TimelineEvent } from '../../api/timeline-types';
import { formatDateTime } from '../../lib/format';
import { aTask, aTaskDetail } from '../../test/fixtures';
import { buildTimeline } from './build-timeline';

function detail(overrides: Partial<InstanceDetail>): InstanceDetail {
  return { ...aTaskDetail().instance, stageVisits: [], timeline: [], ...overrides };
}

const visit = {
  id: 'v1',
  stageKey: 'review',
  stageName: 'Review',
  ownerQueue: null,
  assigneeId: null,
  enteredAt: '2026-11-02T09:00:00Z',
  exitedAt: '2026-11-02T10:00:00Z',
  durationMs: 3_600_000,
  slaDueAt: null,
  breached: false,
};

function event(type: string, at: string, data: Record<string, unknown> = {}, taskId: string | null = null): TimelineEvent {
  return { id: `${type}-${at}`, type, taskId, actor: { type: 'user', id: 'u', name: 'Rita' }, data, at };
}

describe('buildTimeline', () => {
  it('lists stages, decisions with comments, messages, escalations, timers and deliveries, newest first', () => {
    const decided = aTask({ status: 'decided', decision: 'reject', comment: 'Missing documents', decidedAt: '2026-11-02T10:00:00Z', decidedBy: { id: 'u', name: 'Rita' } });
    const items = buildTimeline(
      detail({
        stageVisits: [visit],
        tasks: [decided],
        messages: [{ id: 'm', subject: 'Your referral', text: 'Hello', recipients: ['ada@example.test'], status: 'sent', createdAt: '2026-11-02T10:05:00Z' }],
        escalations: [{ id: 'e', reason: 'Overdue', toQueue: { id: 'q', key: 'dept', name: 'Department' }, createdAt: '2026-11-02T09:30:00Z' }],
        timers: [{ id: 't', fireAt: '2026-11-09T09:00:00Z', status: 'pending', label: 'Follow-up' }],
        deliveries: [{ id: 'd', kind: 'resume', status: 'delivered', attempts: 1, createdAt: '2026-11-02T10:00:01Z' }],
        timeline: [event('task.decided', '2026-11-02T10:00:00Z', { label: 'Reject' }, 'task-1')],
      }),
    );
    expect(items.map((i) => i.kind)).toEqual(['timer', 'message', 'delivery', 'decision', 'escalation', 'task', 'stage']);
    expect(items[0]!.title).toMatch(/^Follow-up: Waiting until /);
    expect(items.find((i) => i.kind === 'decision')).toMatchObject({ title: 'Decided: Reject', comment: 'Missing documents', taskId: 'task-1' });
    expect(items.find((i) => i.kind === 'message')?.detail).toBe('To ada@example.test · sent');
    expect(items.find((i) => i.kind === 'escalation')?.title).toBe('Escalated to Department');
  });

  it('falls back to the audit events when the detail has no task, message or timer lists', () => {
    const items = buildTimeline(
      detail({
        stageVisits: [visit],
        timeline: [
          event('instance.launched', '2026-11-02T08:59:00Z', { processKey: 'student', processVersion: 1 }),
          event('stage.entered', '2026-11-02T09:00:00Z', { to: 'review' }),
          event('task.created', '2026-11-02T09:00:00Z', { title: 'Review Ada', queue: 'advisors' }, 't1'),
          event('task.decided', '2026-11-02T10:00:00Z', { decision: 'approve', label: 'Approve', comment: 'Fine' }, 't1'),
          event('timer.registered', '2026-11-02T10:01:00Z', { label: 'Reminder', fireAt: '2026-11-05T09:00:00Z' }),
        ],
      }),
    );
    expect(items.map((i) => [i.kind, i.title])).toEqual([
      ['timer', expect.stringMatching(/^Reminder: Waiting until/)],
      ['decision', 'Decided: Approve'],
      ['task', 'Task created: Review Ada'],
      ['stage', 'Entered Review'],
      ['event', 'Case started'],
    ]);
    expect(items.find((i) => i.kind === 'decision')).toMatchObject({ comment: 'Fine', detail: 'by Rita', taskId: 't1' });
  });

  describe('timers', () => {
    const ranAt = '2026-11-02T10:02:01Z';
    const ran = { id: 'ran', label: '2 minutes after booking', fireAt: '2026-11-02T10:02:00Z', status: 'fired', firedAt: ranAt };
    const gone = { id: 'gone', label: '14 days before course start', fireAt: '2026-12-01T09:00:00Z', status: 'cancelled', firedAt: null };

    it('says a wait that ran fired, and when; only a wait cancelled before it fired says cancelled', () => {
      const titles = buildTimeline(detail({ timers: [ran, gone] })).filter((i) => i.kind === 'timer').map((i) => i.title);
      expect(titles).toEqual([
        `14 days before course start: Timer cancelled before it fired (was due ${formatDateTime(gone.fireAt)})`,
        `2 minutes after booking: Timer fired ${formatDateTime(ranAt)}`,
      ]);
      expect(titles[1]).not.toMatch(/cancel/i);
    });

    it('says the same from the audit events when the detail has no timer list', () => {
      const items = buildTimeline(
        detail({
          timeline: [
            event('timer.fired', ranAt, { label: ran.label, fireAt: ran.fireAt, firedAt: ranAt, inProcess: true }),
            event('timer.cancelled', '2026-11-02T11:00:00Z', { label: gone.label, reason: 'instance closed' }),
          ],
        }),
      );
      expect(items.map((i) => [i.kind, i.title, i.detail])).toEqual([
        ['timer', 'Timer cancelled before it fired: 14 days before course start', 'instance closed'],
        ['timer', `Timer fired ${formatDateTime(ranAt)}: 2 minutes after booking`, ''],
      ]);
    });
  });
});
