import { Background, Controls, MiniMap, ReactFlow, ReactFlowProvider, type NodeMouseHandler } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { useStore } from 'zustand';
import { Loading } from '../../../components/page-state';
import { EDGE_TYPES } from '../diagram/edges/edge-types';
import { layoutGraph } from '../diagram/layout-graph';
import { NODE_TYPES } from '../diagram/nodes/node-types';
import '../diagram/process-diagram.css';
import type { ProcessEdge, ProcessGraph, ProcessNode } from '../diagram/process-graph';
import { applyLiveMap, NO_TRAFFIC, type NodeStages } from './apply-live-map';
import { createFlowViewStore, type FlowViewState } from './flow-view-store';
import type { LiveMap } from './live-map-types';
import './live-map.css';

const FIT_VIEW_OPTIONS = { padding: 0.15 };
const MINIMAP_STYLE = { height: 90, width: 140 };
const selectNodes = (state: FlowViewState) => state.nodes;
const selectEdges = (state: FlowViewState) => state.edges;
const selectLayout = (state: FlowViewState) => state.layout;
const selectLayoutError = (state: FlowViewState) => state.layoutError;
const selectApplyNodeChanges = (state: FlowViewState) => state.applyNodeChanges;

export interface FlowViewProps {
  /** The drawing, unpositioned; pass the same object until the process itself changes (a new one is laid out again). */
  graph: ProcessGraph;
  stages: NodeStages;
  /** The live map's figures, redrawn onto the same layout whenever they change; null draws none. */
  figures: Pick<LiveMap, 'stages' | 'decisions'> | null;
  label: string;
  /** The stage whose nodes are drawn selected. */
  selectedStage?: string | null;
  onStageClick?: (stageKey: string) => void;
}

/**
 * A process map, read-only: laid out by elk once, fitted to the view; figures change node and edge data only.
 * It brings its own ReactFlowProvider, inside which React Flow measures the nodes it shows.
 */
export function FlowView({ graph, stages, figures, label, selectedStage = null, onStageClick }: FlowViewProps) {
  const [store] = useState(createFlowViewStore);
  const showsFigures = figures !== null;

  useEffect(() => {
    let current = true;
    // Sized as they will be drawn: nodes that show figures are a row taller.
    const sized = showsFigures ? applyLiveMap(graph, stages, NO_TRAFFIC) : graph;
    layoutGraph(sized).then(
      (laidOut) => current && store.getState().setLaidOut(laidOut, stages),
      (error: unknown) => current && store.getState().setLayoutFailed(error instanceof Error ? error.message : String(error)),
    );
    return () => {
      current = false;
    };
  }, [graph, stages, showsFigures, store]);

  useEffect(() => {
    if (figures) store.getState().showFigures(figures);
  }, [figures, store]);

  const nodes = useStore(store, selectNodes);
  const edges = useStore(store, selectEdges);
  const layout = useStore(store, selectLayout);
  const layoutError = useStore(store, selectLayoutError);
  const applyNodeChanges = useStore(store, selectApplyNodeChanges);
  const drawn = useMemo(() => withSelection(nodes, stages, selectedStage), [nodes, stages, selectedStage]);
  const onNodeClick = useCallback<NodeMouseHandler<ProcessNode>>(
    (_event, node) => {
      const stageKey = stages[node.id];
      if (stageKey !== undefined) onStageClick?.(stageKey);
    },
    [stages, onStageClick],
  );

  // React Flow only selects a focused node on Enter; here Enter or Space on a stage opens it like a click.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    const id = (event.target as HTMLElement).closest('.react-flow__node')?.getAttribute('data-id');
    const stageKey = id ? stages[id] : undefined;
    if (stageKey === undefined || !onStageClick) return;
    event.preventDefault();
    onStageClick(stageKey);
  };

  if (layout === 'failed') return <p className="form-error" role="alert">The map could not be laid out: {layoutError}</p>;
  if (layout === 'pending') return <Loading label="Drawing the process…" />;
  return (
    <div className={`flow-canvas${onStageClick ? ' flow-view-clickable' : ''}`} role="figure" aria-label={label} onKeyDown={onKeyDown}>
      <ReactFlowProvider>
        <ReactFlow<ProcessNode, ProcessEdge>
          nodes={drawn}
          edges={edges}
          nodeTypes={NODE_TYPES}
          edgeTypes={EDGE_TYPES}
          onNodesChange={applyNodeChanges}
          onNodeClick={onNodeClick}
          nodesDraggable={false}
          nodesConnectable={false}
          elementsSelectable={false}
          deleteKeyCode={null}
          fitView
          fitViewOptions={FIT_VIEW_OPTIONS}
          minZoom={0.2}
        >
          <Background gap={16} />
          <Controls showInteractive={false} />
          <MiniMap pannable zoomable style={MINIMAP_STYLE} />
        </ReactFlow>
      </ReactFlowProvider>
    </div>
  );
}

function withSelection(nodes: ProcessNode[], stages: NodeStages, selectedStage: string | null): ProcessNode[] {
  return nodes.map((node) => {
    const selected = selectedStage !== null && stages[node.id] === selectedStage;
    return (node.selected ?? false) === selected ? node : { ...node, selected };
  });
}
