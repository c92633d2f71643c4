import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProcessCheck } from '../../../../api/types';
import type { DesignDefinition } from '../model/design-definition';
import { aDesignerStore } from '../test-support';
import { HAS_PROBLEM } from './designer-graph';
import { CHECK_DELAY_MS, watchDefinitionProblems } from './definition-check';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const deferred = () => {
  let resolve: (check: ProcessCheck) => void = () => undefined;
  const promise = new Promise<ProcessCheck>((done) => (resolve = done));
  return { promise, resolve };
};

describe('watchDefinitionProblems', () => {
  it('checks at once, then once per burst of changes, and marks the steps with problems', async () => {
    const store = aDesignerStore();
    const check = vi.fn(async (definition: DesignDefinition): Promise<ProcessCheck> => ({
      valid: false,
      problems: definition.flow.steps.filter((step) => step.kind === 'outcome').map((step) => ({ code: 'unreachable', severity: 'error', message: 'cannot be reached', stepId: step.id })),
    }));
    const stop = watchDefinitionProblems(store, check);
    await vi.advanceTimersByTimeAsync(0);
    expect(check).toHaveBeenCalledTimes(1);
    expect(store.getState().problems).toEqual([]);

    const id = store.getState().addStep('outcome', { x: 0, y: 0 });
    store.getState().updateStep(id, { outcome: 'done' }, 'typing');
    await vi.advanceTimersByTimeAsync(CHECK_DELAY_MS - 1);
    expect(check).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(check).toHaveBeenCalledTimes(2);
    expect(store.getState().problemsByStep[id]).toHaveLength(1);
    expect(store.getState().nodes.find((node) => node.id === id)?.className).toBe(HAS_PROBLEM);
    expect(store.getState().nodes.find((node) => node.id === 'start')?.className).toBeUndefined();
    stop();
  });

  it('never lets an older answer replace a newer one', async () => {
    const store = aDesignerStore();
    const answers = [deferred(), deferred()];
    let asked = 0;
    const stop = watchDefinitionProblems(store, () => answers[asked++]!.promise);
    store.getState().addStep('outcome', { x: 0, y: 0 });
    await vi.advanceTimersByTimeAsync(CHECK_DELAY_MS);
    answers[1]!.resolve({ valid: true, problems: [] });
    await vi.advanceTimersByTimeAsync(0);
    answers[0]!.resolve({ valid: false, problems: [{ code: 'no-start', severity: 'error', message: 'stale' }] });
    await vi.advanceTimersByTimeAsync(0);
    expect(store.getState().problems).toEqual([]);
    stop();
  });

  it('stops asking once stopped', async () => {
    const store = aDesignerStore();
    const check = vi.fn(async (): Promise<ProcessCheck> => ({ valid: true, problems: [] }));
    watchDefinitionProblems(store, check)();
    store.getState().addStep('outcome', { x: 0, y: 0 });
    await vi.advanceTimersByTimeAsync(CHECK_DELAY_MS * 2);
    expect(check).toHaveBeenCalledTimes(1);
  });
});
