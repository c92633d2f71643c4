import { describe, expect, it } from 'vitest';
import { aDesignerStore } from '../test-support';
import { stepById } from '../model/design-definition';

const at = { x: 300, y: 120 };

describe('designer store: data changes and history', () => {
  it('starts a new process with one start step, nothing to undo and nothing unsaved', () => {
    const store = aDesignerStore();
    expect(store.getState().definition.flow.steps).toEqual([{ id: 'start', kind: 'start', position: { x: 40, y: 40 } }]);
    expect(store.getState().nodes.map((node) => node.id)).toEqual(['start']);
    expect(store.getState().history.getState().past).toHaveLength(0);
    expect(store.getState().dirty).toBe(false);
  });

  it('adds a stage step with a stage of its own, selects it, and undoes and redoes that as one step', () => {
    const store = aDesignerStore();
    const id = store.getState().addStep('stage', at);
    expect(store.getState().selected).toEqual({ kind: 'node', id });
    expect(stepById(store.getState().definition, id)).toMatchObject({ kind: 'stage', stageKey: 'stage-1', position: at });
    expect(store.getState().definition.stages).toEqual([{ key: 'stage-1', name: 'Stage 1' }]);
    expect(store.getState().dirty).toBe(true);

    store.getState().undo();
    expect(store.getState().definition.flow.steps.map((step) => step.id)).toEqual(['start']);
    expect(store.getState().definition.stages).toEqual([]);
    store.getState().redo();
    expect(store.getState().definition.stages).toEqual([{ key: 'stage-1', name: 'Stage 1' }]);
  });

  it('folds the keystrokes of one field focus into one undo step, and a new focus into another', () => {
    const store = aDesignerStore();
    const id = store.getState().addStep('outcome', at);
    for (const text of ['d', 'de', 'dec']) store.getState().updateStep(id, { outcome: text }, 'outcome#1');
    store.getState().updateStep(id, { label: 'End' }, 'label#2');
    expect(store.getState().history.getState().past).toHaveLength(3);

    store.getState().undo();
    expect(stepById(store.getState().definition, id)).toMatchObject({ outcome: 'dec' });
    expect(stepById(store.getState().definition, id)).not.toHaveProperty('label');
    store.getState().undo();
    expect(stepById(store.getState().definition, id)).toMatchObject({ outcome: 'completed' });
  });

  it('takes a whole drag as one step, and a click that moves nothing as none', () => {
    const store = aDesignerStore();
    const id = store.getState().addStep('delay', at);
    // Moves while dragging reach only the canvas…
    for (const x of [310, 320, 330]) store.getState().applyNodeChanges([{ type: 'position', id, position: { x, y: 120 }, dragging: true }]);
    expect(stepById(store.getState().definition, id)?.position).toEqual(at);
    expect(store.getState().history.getState().past).toHaveLength(1);
    // …and the drop commits them once.
    store.getState().moveSteps(new Map([[id, { x: 330, y: 120 }]]));
    expect(stepById(store.getState().definition, id)?.position).toEqual({ x: 330, y: 120 });
    expect(store.getState().history.getState().past).toHaveLength(2);
    store.getState().moveSteps(new Map([[id, { x: 330, y: 120 }]]));
    expect(store.getState().history.getState().past).toHaveLength(2);

    store.getState().undo();
    expect(stepById(store.getState().definition, id)?.position).toEqual(at);
  });

  it('forgets what was undone once a new change is made', () => {
    const store = aDesignerStore();
    store.getState().addStep('stage', at);
    store.getState().undo();
    expect(store.getState().history.getState().future).toHaveLength(1);
    store.getState().addStep('outcome', at);
    expect(store.getState().history.getState().future).toHaveLength(0);
    store.getState().redo();
    expect(store.getState().definition.flow.steps.map((step) => step.kind)).toEqual(['start', 'outcome']);
  });

  it('links steps with setLink: one link per path, replaced when chosen again, removed with null', () => {
    const store = aDesignerStore();
    const stage = store.getState().addStep('stage', at);
    const done = store.getState().addStep('outcome', at);
    const other = store.getState().addStep('outcome', at);
    store.getState().setLink('start', undefined, stage);
    store.getState().setLink(stage, undefined, done);
    store.getState().setLink(stage, undefined, other);
    expect(store.getState().definition.flow.links).toEqual([
      { from: 'start', to: stage },
      { from: stage, to: other },
    ]);
    expect(store.getState().edges.map((edge) => edge.id)).toEqual([`start->${stage}`, `${stage}->${other}`]);
    store.getState().setLink(stage, undefined, null);
    expect(store.getState().definition.flow.links).toEqual([{ from: 'start', to: stage }]);
  });

  it('keeps decision rows and the process decisions in step, and the paths follow a renamed key', () => {
    const store = aDesignerStore();
    const decide = store.getState().addStep('decision', at);
    const done = store.getState().addStep('outcome', at);
    store.getState().addDecisionRow(decide);
    store.getState().setLink(decide, 'decision-1', done);
    store.getState().updateDecisionRow(decide, 0, { key: 'accept' }, 'key#1');
    store.getState().updateDecisionRow(decide, 0, { label: 'Accept', commentRequired: true }, 'label#2');
    expect(stepById(store.getState().definition, decide)).toMatchObject({ decisions: ['accept'] });
    expect(store.getState().definition.decisions).toEqual([{ key: 'accept', label: 'Accept', commentRequired: true }]);
    expect(store.getState().definition.flow.links).toEqual([{ from: decide, to: done, on: 'accept' }]);

    store.getState().removeDecisionRow(decide, 0);
    expect(store.getState().definition.decisions).toEqual([]);
    expect(store.getState().definition.flow.links).toEqual([]);
  });

  it('renames a stage everywhere when its key is edited', () => {
    const store = aDesignerStore();
    const stage = store.getState().addStep('stage', at);
    store.getState().updateStage(stage, { key: 'triage', name: 'Triage', ownerQueue: 'reviewers' });
    expect(stepById(store.getState().definition, stage)).toMatchObject({ stageKey: 'triage' });
    expect(store.getState().definition.stages).toEqual([{ key: 'triage', name: 'Triage', ownerQueue: 'reviewers' }]);
    store.getState().updateStage(stage, { ownerQueue: undefined });
    expect(store.getState().definition.stages).toEqual([{ key: 'triage', name: 'Triage' }]);
  });
});
