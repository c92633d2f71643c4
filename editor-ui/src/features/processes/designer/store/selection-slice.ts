import type { StateCreator } from 'zustand';
import type { DesignerStore } from './designer-store';

export type Selected = { kind: 'node' | 'edge'; id: string };

/** The element the properties panel shows; React Flow's own `selected` flags (several steps for copy and delete) follow it. */
export interface SelectionSlice {
  selected: Selected | null;
  select: (selected: Selected) => void;
  clearSelection: () => void;
}

export const createSelectionSlice: StateCreator<DesignerStore, [], [], SelectionSlice> = (set) => ({
  selected: null,
  select: (selected) =>
    set((state) => ({
      selected,
      nodes: state.nodes.map((node) => ({ ...node, selected: selected.kind === 'node' && node.id === selected.id })),
      edges: state.edges.map((edge) => ({ ...edge, selected: selected.kind === 'edge' && edge.id === selected.id })),
    })),
  clearSelection: () => set({ selected: null }),
});
