import { describe, expect, it } from 'vitest';
import { aDesignerStore } from '../test-support';
import { formatBeforeMinutes } from './stage-reminders';

const at = { x: 300, y: 120 };

function aStoreWithAStage() {
  const store = aDesignerStore();
  const id = store.getState().addStep('stage', at);
  const stage = () => store.getState().definition.stages.find((candidate) => candidate.key === 'stage-1');
  const undoSteps = () => store.getState().history.getState().past.length;
  return { store, id, stage, undoSteps };
}

describe('stage reminders in the designer store', () => {
  it('stores each reminder as plain { beforeMinutes } on the stage, largest first, one undo step per add', () => {
    const { store, id, stage, undoSteps } = aStoreWithAStage();
    store.getState().addStageReminder(id, 60);
    store.getState().addStageReminder(id, 1440);
    expect(stage()?.reminders).toEqual([{ beforeMinutes: 1440 }, { beforeMinutes: 60 }]);
    expect(undoSteps()).toBe(3);

    store.getState().undo();
    expect(stage()?.reminders).toEqual([{ beforeMinutes: 60 }]);
    store.getState().redo();
    expect(stage()?.reminders).toEqual([{ beforeMinutes: 1440 }, { beforeMinutes: 60 }]);
  });

  it('ignores a reminder already listed or not a positive whole number, leaving nothing to undo and nothing unsaved', () => {
    const { store, id, stage, undoSteps } = aStoreWithAStage();
    store.getState().addStageReminder(id, 60);
    store.getState().markSaved();
    for (const minutes of [60, 0, -5, 1.5, Number.NaN]) store.getState().addStageReminder(id, minutes);
    expect(stage()?.reminders).toEqual([{ beforeMinutes: 60 }]);
    expect(undoSteps()).toBe(2);
    expect(store.getState().dirty).toBe(false);
  });

  it('removes a reminder in one undo step, and the last one removes the field', () => {
    const { store, id, stage, undoSteps } = aStoreWithAStage();
    store.getState().addStageReminder(id, 1440);
    store.getState().addStageReminder(id, 60);
    store.getState().removeStageReminder(id, 1440);
    expect(stage()?.reminders).toEqual([{ beforeMinutes: 60 }]);
    store.getState().removeStageReminder(id, 60);
    expect(stage()).not.toHaveProperty('reminders');
    expect(undoSteps()).toBe(5);

    store.getState().undo();
    expect(stage()?.reminders).toEqual([{ beforeMinutes: 60 }]);
  });

  it('changes nothing for a step that is not a stage step', () => {
    const { store } = aStoreWithAStage();
    const before = store.getState().definition;
    store.getState().addStageReminder('start', 60);
    expect(store.getState().definition).toBe(before);
  });
});

describe('formatBeforeMinutes', () => {
  it('reads in hours, with the minutes left over', () => {
    expect([1440, 60, 90, 45, 2880].map(formatBeforeMinutes)).toEqual(['24 h', '1 h', '1 h 30 min', '45 min', '48 h']);
  });
});
