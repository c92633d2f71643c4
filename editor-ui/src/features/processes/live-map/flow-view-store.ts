import { applyNodeChanges, type NodeChange } from '@xyflow/react';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ProcessEdge, ProcessGraph, ProcessNode } from '../diagram/process-graph';
import { applyLiveMap, type NodeStages } from './apply-live-map';
import type { LiveMap } from './live-map-types';

type Figures = Pick<LiveMap, 'stages' | 'decisions'>;

export interface FlowViewState {
  /** The laid-out graph without figures: every refresh is drawn onto it, so elk runs once per drawing. */
  base: ProcessGraph | null;
  stages: NodeStages;
  figures: Figures | null;
  nodes: ProcessNode[];
  edges: ProcessEdge[];
  layout: 'pending' | 'ready' | 'failed';
  layoutError: string | null;
  setLaidOut: (graph: ProcessGraph, stages: NodeStages) => void;
  setLayoutFailed: (message: string) => void;
  /** New figures change node and edge data only: positions and React Flow's measurements stay. */
  showFigures: (figures: Figures) => void;
  /** Only measurements pass: the view is read-only, and the page decides what is selected. */
  applyNodeChanges: (changes: NodeChange<ProcessNode>[]) => void;
}

export type FlowViewStore = StoreApi<FlowViewState>;

/** One store per drawing (a read-only process map whose figures change while its layout stays). */
export function createFlowViewStore(): FlowViewStore {
  return createStore<FlowViewState>()((set) => ({
    base: null,
    stages: {},
    figures: null,
    nodes: [],
    edges: [],
    layout: 'pending',
    layoutError: null,
    setLaidOut: (base, stages) => set((state) => ({ base, stages, layout: 'ready', layoutError: null, ...draw(base, stages, state.figures, []) })),
    setLayoutFailed: (message) => set({ layout: 'failed', layoutError: message }),
    showFigures: (figures) => set((state) => ({ figures, ...(state.base ? draw(state.base, state.stages, figures, state.nodes) : {}) })),
    applyNodeChanges: (changes) => {
      const measured = changes.filter((change) => change.type === 'dimensions');
      if (measured.length > 0) set((state) => ({ nodes: applyNodeChanges(measured, state.nodes) }));
    },
  }));
}

function draw(base: ProcessGraph, stages: NodeStages, figures: Figures | null, current: ProcessNode[]): ProcessGraph {
  const graph = figures ? applyLiveMap(base, stages, figures) : base;
  const measured = new Map(current.map((node) => [node.id, node.measured]));
  return { nodes: graph.nodes.map((node) => ({ ...node, measured: measured.get(node.id) ?? node.measured })), edges: graph.edges };
}
