import { describe, expect, it } from 'vitest';
import { describeEscalationTarget, describeRecipients, describeWait } from './flow-step-text';

describe('describeWait', () => {
  it('says how long, in which unit and relative to which date', () => {
    expect(describeWait({ id: 'w', kind: 'delay', anchorField: 'data.bookedAt', amount: 2, unit: 'minutes', direction: 'after' })).toBe('2 minutes after data.bookedAt');
    expect(describeWait({ id: 'w', kind: 'delay', anchorField: 'data.courseStart', amount: 1, unit: 'businessDays', direction: 'before' })).toBe(
      '1 business day before data.courseStart',
    );
    expect(describeWait({ id: 'w', kind: 'delay', anchorField: 'data.dueDate', amount: 0, unit: 'days', direction: 'after' })).toBe('at data.dueDate');
  });
});

describe('describeRecipients and describeEscalationTarget', () => {
  it('lists every recipient, extra addresses split and trimmed', () => {
    expect(describeRecipients({ id: 'm', kind: 'message', template: 't', toQueue: 'admins', addresses: ' a@example.com,,b@example.com ' })).toEqual([
      'queue admins',
      'a@example.com',
      'b@example.com',
    ]);
    expect(describeRecipients({ id: 'm', kind: 'message', template: 't' })).toEqual([]);
  });

  it('names the queue, else the person, else the new priority', () => {
    expect(describeEscalationTarget({ id: 'e', kind: 'escalate', reason: 'r', toQueue: 'finance', toUser: 'dana' })).toBe('queue finance');
    expect(describeEscalationTarget({ id: 'e', kind: 'escalate', reason: 'r', toUser: 'dana' })).toBe('dana');
    expect(describeEscalationTarget({ id: 'e', kind: 'escalate', reason: 'r', priority: 4 })).toBe('priority 4 (urgent)');
  });
});
