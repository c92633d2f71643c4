import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/client';
import { aTask } from '../../test/fixtures';
import { commonDecisions, decideAll, tasksNeedingForm } from './bulk-decide';

describe('bulk decide', () => {
  it('offers only the decisions every selected task allows', () => {
    const a = aTask({ id: 'a' });
    const b = aTask({ id: 'b', decisions: [{ key: 'approve', label: 'Approve' }, { key: 'escalate', label: 'Escalate' }] });
    expect(commonDecisions([a, b]).map((d) => d.key)).toEqual(['approve']);
    expect(commonDecisions([])).toEqual([]);
  });

  it('flags tasks that need their own form', () => {
    const withFields = aTask({ id: 'f', fields: [{ key: 'amount', label: 'Amount', type: 'number', required: true }] });
    expect(tasksNeedingForm([aTask(), withFields])).toEqual([withFields]);
  });

  it('decides the others when one was decided meanwhile', async () => {
    const tasks = [aTask({ id: 'a' }), aTask({ id: 'b', title: 'Taken' }), aTask({ id: 'c' })];
    const decide = vi.fn(async (id: string) => {
      if (id === 'b') throw new ApiError(409, 'The task was already decided.');
      return aTask({ id, status: 'decided' });
    });
    const result = await decideAll(tasks, { decision: 'approve', comment: 'ok' }, decide);
    expect(result.decided.map((t) => t.id)).toEqual(['a', 'c']);
    expect(result.failed).toEqual([{ task: tasks[1], message: 'The task was already decided.' }]);
    expect(decide).toHaveBeenCalledWith('c', { decision: 'approve', comment: 'ok' });
  });
});
