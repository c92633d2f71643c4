import { describe, expect, it } from 'vitest';
import { aDesignerStore } from '../test-support';
import { stepById } from '../model/design-definition';

describe('designer store: copy, paste and delete', () => {
  const wired = () => {
    const store = aDesignerStore();
    const stage = store.getState().addStep('stage', { x: 300, y: 100 });
    const done = store.getState().addStep('outcome', { x: 600, y: 100 });
    store.getState().setLink('start', undefined, stage);
    store.getState().setLink(stage, undefined, done);
    return { store, stage, done };
  };
  const selectNodes = (store: ReturnType<typeof aDesignerStore>, ids: string[]) =>
    store.getState().applyNodeChanges(store.getState().nodes.map((node) => ({ type: 'select', id: node.id, selected: ids.includes(node.id) })));

  it('pastes copies under new ids, offset, with the links between them kept and the links leaving them not', () => {
    const { store, stage, done } = wired();
    selectNodes(store, ['start', stage, done]);
    store.getState().copySelection();
    store.getState().paste();
    const { steps, links } = store.getState().definition.flow;
    expect(steps.map((step) => step.id)).toEqual(['start', stage, done, 'stage-2', 'outcome-2']);
    expect(stepById(store.getState().definition, 'stage-2')).toMatchObject({ stageKey: 'stage-1', position: { x: 340, y: 140 } });
    expect(links).toContainEqual({ from: 'stage-2', to: 'outcome-2' });
    expect(links.filter((link) => link.from === 'start')).toHaveLength(1);
    expect(store.getState().nodes.filter((node) => node.selected).map((node) => node.id)).toEqual(['stage-2', 'outcome-2']);

    store.getState().undo();
    expect(store.getState().definition.flow.steps).toHaveLength(3);
  });

  it('pastes nothing when nothing was copied, and never copies the start', () => {
    const { store } = wired();
    selectNodes(store, ['start']);
    store.getState().copySelection();
    store.getState().paste();
    expect(store.getState().definition.flow.steps).toHaveLength(3);
    expect(store.getState().history.getState().past).toHaveLength(4);
  });

  it('deletes the selected steps with their links and the stage only they entered, but never the start', () => {
    const { store, stage } = wired();
    selectNodes(store, ['start', stage]);
    store.getState().removeSelection();
    const { definition } = store.getState();
    expect(definition.flow.steps.map((step) => step.id)).toEqual(['start', 'outcome-1']);
    expect(definition.flow.links).toEqual([]);
    expect(definition.stages).toEqual([]);

    store.getState().undo();
    expect(store.getState().definition.flow.links).toHaveLength(2);
    expect(store.getState().definition.stages).toEqual([{ key: 'stage-1', name: 'Stage 1' }]);
  });

  it('deletes a selected link alone', () => {
    const { store, stage, done } = wired();
    store.getState().select({ kind: 'edge', id: `${stage}->${done}` });
    store.getState().removeSelection();
    expect(store.getState().definition.flow.links).toEqual([{ from: 'start', to: stage }]);
    expect(store.getState().definition.flow.steps).toHaveLength(3);
  });
});
