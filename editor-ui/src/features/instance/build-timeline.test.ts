import { describe, expect, it } from 'vitest';
import type { InstanceDetail } from '../../api/timeline-types';
import { aTask, aTaskDetail } from '../../test/fixtures';
import { buildTimeline } from './build-timeline';

function detail(overrides: Partial<InstanceDetail>): InstanceDetail {
  return { ...aTaskDetail().instance, stageVisits: [], tasks: [], timers: [], messages: [], escalations: [], deliveries: [], timeline: [], ...overrides };
}

describe('buildTimeline', () => {
  it('lists stages, decisions with comments, messages, escalations, timers and deliveries, newest first', () => {
    const decided = aTask({ status: 'decided', decision: 'reject', comment: 'Missing documents', decidedAt: '2026-11-02T10:00:00Z', decidedBy: { id: 'u', name: 'Rita' } });
    const items = buildTimeline(
      detail({
        stageVisits: [
          { id: 'v1', stageKey: 'review', stageName: 'Review', ownerQueue: null, assigneeId: null, enteredAt: '2026-11-02T09:00:00Z', exitedAt: '2026-11-02T10:00:00Z', durationMs: 3_600_000, slaDueAt: null, breached: false },
        ],
        tasks: [decided],
        messages: [{ id: 'm', subject: 'Your referral', text: 'Hello', recipients: ['ada@example.test'], status: 'sent', createdAt: '2026-11-02T10:05:00Z' }],
        escalations: [{ id: 'e', reason: 'Overdue', toQueue: { key: 'dept', name: 'Department' }, createdAt: '2026-11-02T09:30:00Z' }],
        timers: [{ id: 't', fireAt: '2026-11-09T09:00:00Z', status: 'pending', label: 'Follow-up' }],
        deliveries: [{ id: 'd', kind: 'resume', status: 'delivered', attempts: 1, createdAt: '2026-11-02T10:00:01Z' }],
      }),
    );
    expect(items.map((i) => i.kind)).toEqual(['timer', 'message', 'delivery', 'decision', 'escalation', 'task', 'stage']);
    expect(items[0]!.title).toMatch(/^Follow-up: Waiting until /);
    expect(items.find((i) => i.kind === 'decision')).toMatchObject({ title: 'Decided: Reject', comment: 'Missing documents' });
    expect(items.find((i) => i.kind === 'message')?.detail).toBe('To ada@example.test · sent');
    expect(items.find((i) => i.kind === 'escalation')?.title).toBe('Escalated to Department');
  });
});
