import { Background, Controls, MiniMap, ReactFlow, useReactFlow, type Connection, type EdgeMouseHandler, type NodeMouseHandler, type OnNodeDrag } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, type DragEvent } from 'react';
import { EDGE_TYPES } from '../../diagram/edges/edge-types';
import { NODE_TYPES } from '../../diagram/nodes/node-types';
import type { ProcessEdge, ProcessNode } from '../../diagram/process-graph';
import { PALETTE_KINDS, type PaletteKind } from '../model/new-step';
import { PALETTE_MIME } from '../panel/palette';
import {
  selectAddStep,
  selectApplyEdgeChanges,
  selectApplyNodeChanges,
  selectClearSelection,
  selectEdges,
  selectMoveSteps,
  selectNodes,
  selectSelect,
  selectSetLink,
} from '../store/designer-selectors';
import { useDesigner, useDesignerStoreApi } from '../store/designer-store-context';

const FIT_VIEW_OPTIONS = { padding: 0.15, maxZoom: 1 };
const MINIMAP_STYLE = { height: 90, width: 140 };
const DEFAULT_VIEWPORT = { x: 0, y: 0, zoom: 1 };

const isPaletteKind = (value: string): value is PaletteKind => (PALETTE_KINDS as readonly string[]).includes(value);

/**
 * The editable canvas: steps move (one undo step per drag), handles connect (one link per source handle),
 * palette items drop where they are released. Deleting is the designer's own keyboard handling, so it can be undone.
 */
export function DesignerCanvas({ fitOnOpen }: { fitOnOpen: boolean }) {
  const store = useDesignerStoreApi();
  const nodes = useDesigner(selectNodes);
  const edges = useDesigner(selectEdges);
  const applyNodeChanges = useDesigner(selectApplyNodeChanges);
  const applyEdgeChanges = useDesigner(selectApplyEdgeChanges);
  const select = useDesigner(selectSelect);
  const clearSelection = useDesigner(selectClearSelection);
  const addStep = useDesigner(selectAddStep);
  const moveSteps = useDesigner(selectMoveSteps);
  const setLink = useDesigner(selectSetLink);
  const { screenToFlowPosition } = useReactFlow();

  const onNodeClick = useCallback<NodeMouseHandler<ProcessNode>>((_event, node) => select({ kind: 'node', id: node.id }), [select]);
  const onEdgeClick = useCallback<EdgeMouseHandler<ProcessEdge>>((_event, edge) => select({ kind: 'edge', id: edge.id }), [select]);
  const onNodeDragStop = useCallback<OnNodeDrag<ProcessNode>>(
    (_event, _node, dragged) => moveSteps(new Map(dragged.map((node) => [node.id, { x: Math.round(node.position.x), y: Math.round(node.position.y) }]))),
    [moveSteps],
  );
  const onConnect = useCallback(
    (connection: Connection) => {
      const from = store.getState().definition.flow.steps.find((step) => step.id === connection.source);
      // Only a decision's handles name a path; any other step has one way on.
      setLink(connection.source, from?.kind === 'decision' ? (connection.sourceHandle ?? undefined) : undefined, connection.target);
    },
    [setLink, store],
  );
  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(PALETTE_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);
  const onDrop = useCallback(
    (event: DragEvent) => {
      const kind = event.dataTransfer.getData(PALETTE_MIME) || store.getState().draggedKind || '';
      if (!isPaletteKind(kind)) return;
      event.preventDefault();
      store.getState().setDraggedKind(null);
      addStep(kind, screenToFlowPosition({ x: event.clientX, y: event.clientY }));
    },
    [addStep, screenToFlowPosition, store],
  );

  return (
    <div className="designer-canvas" role="figure" aria-label="Process canvas">
      <ReactFlow<ProcessNode, ProcessEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        edgeTypes={EDGE_TYPES}
        onNodesChange={applyNodeChanges}
        onEdgesChange={applyEdgeChanges}
        onNodeClick={onNodeClick}
        onEdgeClick={onEdgeClick}
        onPaneClick={clearSelection}
        onNodeDragStop={onNodeDragStop}
        onConnect={onConnect}
        onDragOver={onDragOver}
        onDrop={onDrop}
        deleteKeyCode={null}
        fitView={fitOnOpen}
        fitViewOptions={FIT_VIEW_OPTIONS}
        defaultViewport={DEFAULT_VIEWPORT}
        minZoom={0.2}
      >
        <Background gap={16} />
        <Controls showInteractive={false} />
        <MiniMap pannable zoomable style={MINIMAP_STYLE} />
      </ReactFlow>
    </div>
  );
}

export { FIT_VIEW_OPTIONS };
