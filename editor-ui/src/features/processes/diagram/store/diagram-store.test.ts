import { describe, expect, it } from 'vitest';
import { aProcess } from '../../test-support/process-fixtures';
import { stageNodeId, toProcessGraph } from '../process-graph';
import { createDiagramStore } from './diagram-store';
import { selectSelectedEdge, selectSelectedNode } from './selectors';

const graph = () => toProcessGraph(aProcess());

describe('diagram slice', () => {
  it('starts pending and is ready once a graph is set', () => {
    const store = createDiagramStore();
    expect(store.getState().layout).toBe('pending');
    store.getState().setGraph(graph());
    expect(store.getState()).toMatchObject({ layout: 'ready', layoutError: null });
    expect(store.getState().nodes).toHaveLength(graph().nodes.length);
  });

  it('records why the layout failed', () => {
    const store = createDiagramStore();
    store.getState().setLayoutFailed('elk gave up');
    expect(store.getState()).toMatchObject({ layout: 'failed', layoutError: 'elk gave up' });
  });

  it('applies selecting and measuring but refuses moves and removals: the diagram is read-only', () => {
    const store = createDiagramStore();
    store.getState().setGraph(graph());
    const id = stageNodeId('overdue');
    store.getState().applyNodeChanges([
      { type: 'position', id, position: { x: 500, y: 500 } },
      { type: 'remove', id: stageNodeId('open') },
      { type: 'select', id, selected: true },
      { type: 'dimensions', id, dimensions: { width: 240, height: 80 } },
    ]);
    const node = store.getState().nodes.find((candidate) => candidate.id === id)!;
    expect(node.position).toEqual({ x: 0, y: 0 });
    expect(node.selected).toBe(true);
    expect(node.measured).toEqual({ width: 240, height: 80 });
    expect(store.getState().nodes.some((candidate) => candidate.id === stageNodeId('open'))).toBe(true);
  });

  it('leaves the nodes alone when no change is allowed', () => {
    const store = createDiagramStore();
    store.getState().setGraph(graph());
    const before = store.getState().nodes;
    store.getState().applyNodeChanges([{ type: 'remove', id: stageNodeId('open') }]);
    expect(store.getState().nodes).toBe(before);
  });

  it('lets edges be selected but not removed', () => {
    const store = createDiagramStore();
    store.getState().setGraph(graph());
    const [first] = store.getState().edges;
    store.getState().applyEdgeChanges([
      { type: 'select', id: first!.id, selected: true },
      { type: 'remove', id: first!.id },
    ]);
    expect(store.getState().edges[0]).toMatchObject({ id: first!.id, selected: true });
    expect(store.getState().edges).toHaveLength(graph().edges.length);
  });
});

describe('selection slice', () => {
  it('selects a node, then an edge, then nothing', () => {
    const store = createDiagramStore();
    store.getState().setGraph(graph());
    store.getState().select({ kind: 'node', id: stageNodeId('finance') });
    expect(selectSelectedNode(store.getState())?.id).toBe(stageNodeId('finance'));
    expect(selectSelectedEdge(store.getState())).toBeNull();

    const edge = store.getState().edges.at(-1)!;
    store.getState().select({ kind: 'edge', id: edge.id });
    expect(selectSelectedEdge(store.getState())).toBe(edge);
    expect(selectSelectedNode(store.getState())).toBeNull();

    store.getState().clearSelection();
    expect(store.getState().selected).toBeNull();
  });

  it('returns the stored node itself, so subscribers see a stable snapshot', () => {
    const store = createDiagramStore();
    store.getState().setGraph(graph());
    store.getState().select({ kind: 'node', id: stageNodeId('open') });
    expect(selectSelectedNode(store.getState())).toBe(selectSelectedNode(store.getState()));
  });

  it('finds nothing when the selected element is no longer in the graph', () => {
    const store = createDiagramStore();
    store.getState().select({ kind: 'node', id: 'stage:gone' });
    store.getState().setGraph(graph());
    expect(selectSelectedNode(store.getState())).toBeNull();
  });

  it('keeps one store per diagram', () => {
    const first = createDiagramStore();
    const second = createDiagramStore();
    first.getState().select({ kind: 'node', id: 'start' });
    expect(second.getState().selected).toBeNull();
  });
});
