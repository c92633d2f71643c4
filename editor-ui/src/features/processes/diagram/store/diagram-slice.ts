import { applyEdgeChanges, applyNodeChanges, type EdgeChange, type NodeChange } from '@xyflow/react';
import type { StateCreator } from 'zustand';
import type { ProcessEdge, ProcessGraph, ProcessNode } from '../process-graph';
import type { DiagramStore } from './diagram-store';

export type LayoutStatus = 'pending' | 'ready' | 'failed';

export interface DiagramSlice {
  nodes: ProcessNode[];
  edges: ProcessEdge[];
  layout: LayoutStatus;
  layoutError: string | null;
  /** Replaces the whole graph, e.g. after a definition was converted and laid out. */
  setGraph: (graph: ProcessGraph) => void;
  setLayoutFailed: (message: string) => void;
  /** React Flow's node changes. The diagram is read-only: only measuring and selecting pass, moves and removals do not. */
  applyNodeChanges: (changes: NodeChange<ProcessNode>[]) => void;
  /** Likewise for edges: only selecting passes. */
  applyEdgeChanges: (changes: EdgeChange<ProcessEdge>[]) => void;
}

const READ_ONLY_CHANGES = new Set<NodeChange['type']>(['dimensions', 'select']);

export const createDiagramSlice: StateCreator<DiagramStore, [], [], DiagramSlice> = (set) => ({
  nodes: [],
  edges: [],
  layout: 'pending',
  layoutError: null,
  setGraph: ({ nodes, edges }) => set({ nodes, edges, layout: 'ready', layoutError: null }),
  setLayoutFailed: (message) => set({ layout: 'failed', layoutError: message }),
  applyNodeChanges: (changes) => {
    const allowed = changes.filter((change) => READ_ONLY_CHANGES.has(change.type));
    if (allowed.length > 0) set((state) => ({ nodes: applyNodeChanges(allowed, state.nodes) }));
  },
  applyEdgeChanges: (changes) => {
    const allowed = changes.filter((change) => change.type === 'select');
    if (allowed.length > 0) set((state) => ({ edges: applyEdgeChanges(allowed, state.edges) }));
  },
});
