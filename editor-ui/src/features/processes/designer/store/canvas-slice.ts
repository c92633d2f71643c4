import { applyEdgeChanges, applyNodeChanges, type EdgeChange, type NodeChange } from '@xyflow/react';
import type { StateCreator } from 'zustand';
import type { ProcessEdge, ProcessNode } from '../../diagram/process-graph';
import { drawDefinition } from './designer-graph';
import type { DesignerStore } from './designer-store';

/** React Flow's changes the canvas applies itself; removals go through the data slice (keyboard, panel) so they can be undone. */
const CANVAS_NODE_CHANGES = new Set<NodeChange['type']>(['position', 'dimensions', 'select']);

export interface CanvasSlice {
  nodes: ProcessNode[];
  edges: ProcessEdge[];
  /** Draws the definition and problems again; the data and problems slices call it after every change. */
  redraw: () => void;
  /** Moves while dragging land here only; the definition takes the positions when the drag stops (one undo step). */
  applyNodeChanges: (changes: NodeChange<ProcessNode>[]) => void;
  applyEdgeChanges: (changes: EdgeChange<ProcessEdge>[]) => void;
}

export const createCanvasSlice: StateCreator<DesignerStore, [], [], CanvasSlice> = (set, get) => ({
  nodes: [],
  edges: [],
  redraw: () => {
    const { definition, problemsByStep, nodes, edges } = get();
    set(drawDefinition(definition, problemsByStep, { nodes, edges }));
  },
  applyNodeChanges: (changes) => {
    const allowed = changes.filter((change) => CANVAS_NODE_CHANGES.has(change.type));
    if (allowed.length === 0) return;
    set((state) => ({ nodes: applyNodeChanges(allowed, state.nodes) }));
    if (allowed.some((change) => change.type === 'select')) followSelection(get, set, 'node');
  },
  applyEdgeChanges: (changes) => {
    const allowed = changes.filter((change) => change.type === 'select');
    if (allowed.length === 0) return;
    set((state) => ({ edges: applyEdgeChanges(allowed, state.edges) }));
    followSelection(get, set, 'edge');
  },
});

/** The panel's element follows React Flow's selection: the one selected element, else none once it was deselected. */
function followSelection(get: () => DesignerStore, set: (partial: Partial<DesignerStore>) => void, kind: 'node' | 'edge'): void {
  const state = get();
  const ids = (kind === 'node' ? state.nodes : state.edges).filter((element) => element.selected).map((element) => element.id);
  if (state.selected?.kind === kind && ids.includes(state.selected.id)) return;
  const [only] = ids;
  if (ids.length === 1 && only) set({ selected: { kind, id: only } });
  else if (state.selected?.kind === kind) set({ selected: null });
}
