import type { DiagramStore } from './diagram-store';

/** Module-level selectors, so subscriptions keep the same function between renders. */
export const selectNodes = (state: DiagramStore) => state.nodes;
export const selectEdges = (state: DiagramStore) => state.edges;
export const selectLayout = (state: DiagramStore) => state.layout;
export const selectLayoutError = (state: DiagramStore) => state.layoutError;
export const selectSetGraph = (state: DiagramStore) => state.setGraph;
export const selectSetLayoutFailed = (state: DiagramStore) => state.setLayoutFailed;
export const selectApplyNodeChanges = (state: DiagramStore) => state.applyNodeChanges;
export const selectApplyEdgeChanges = (state: DiagramStore) => state.applyEdgeChanges;
export const selectSelect = (state: DiagramStore) => state.select;
export const selectClearSelection = (state: DiagramStore) => state.clearSelection;

// These return the stored objects themselves (never a new wrapper), so zustand sees a stable snapshot.
export const selectSelectedNode = (state: DiagramStore) =>
  state.selected?.kind === 'node' ? (state.nodes.find((node) => node.id === state.selected?.id) ?? null) : null;
export const selectSelectedEdge = (state: DiagramStore) =>
  state.selected?.kind === 'edge' ? (state.edges.find((edge) => edge.id === state.selected?.id) ?? null) : null;
