import { Background, Controls, MiniMap, ReactFlow, ReactFlowProvider, type EdgeMouseHandler, type NodeMouseHandler } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useEffect } from 'react';
import { Loading } from '../../../components/page-state';
import { EDGE_TYPES } from './edges/edge-types';
import { toFlowGraph } from './flow-graph';
import { NODE_TYPES } from './nodes/node-types';
import { layoutGraph } from './layout-graph';
import { PropertiesPanel } from './properties-panel';
import { toProcessGraph, type DiagramDefinition, type ProcessEdge, type ProcessGraph, type ProcessNode } from './process-graph';
import { DiagramStoreProvider, useDiagramStore } from './store/diagram-store-context';
import {
  selectApplyEdgeChanges,
  selectApplyNodeChanges,
  selectClearSelection,
  selectEdges,
  selectLayout,
  selectLayoutError,
  selectNodes,
  selectSelect,
  selectSetGraph,
  selectSetLayoutFailed,
} from './store/selectors';
import './process-diagram.css';

const FIT_VIEW_OPTIONS = { padding: 0.15 };
const MINIMAP_STYLE = { height: 90, width: 140 };

/**
 * A process version drawn read-only, from its designed flow or else its stage list: laid out by elk, fitted to the view, with a minimap, zoom
 * controls and, unless `compact`, a properties panel for the selected element.
 */
export default function ProcessDiagram({ definition, compact = false }: { definition: DiagramDefinition; compact?: boolean }) {
  return (
    <DiagramStoreProvider>
      <ReactFlowProvider>
        <DiagramLoader definition={definition} />
        <div className={compact ? 'flow-layout flow-layout-compact' : 'flow-layout'}>
          <DiagramCanvas compact={compact} name={definition.name} />
          {compact ? null : <PropertiesPanel definition={definition} />}
        </div>
      </ReactFlowProvider>
    </DiagramStoreProvider>
  );
}

/** The designed flow when the version has one, else the stage list (every version saved before the designer). */
const toDiagramGraph = (definition: DiagramDefinition): ProcessGraph =>
  definition.flow ? toFlowGraph({ ...definition, flow: definition.flow }) : toProcessGraph(definition);

/** Converts and lays out the definition whenever it changes; the store holds the result. */
function DiagramLoader({ definition }: { definition: DiagramDefinition }) {
  const setGraph = useDiagramStore(selectSetGraph);
  const setLayoutFailed = useDiagramStore(selectSetLayoutFailed);
  useEffect(() => {
    let current = true;
    layoutGraph(toDiagramGraph(definition)).then(
      (graph) => current && setGraph(graph),
      (error: unknown) => current && setLayoutFailed(error instanceof Error ? error.message : String(error)),
    );
    return () => {
      current = false;
    };
  }, [definition, setGraph, setLayoutFailed]);
  return null;
}

function DiagramCanvas({ compact, name }: { compact: boolean; name: string }) {
  const nodes = useDiagramStore(selectNodes);
  const edges = useDiagramStore(selectEdges);
  const layout = useDiagramStore(selectLayout);
  const layoutError = useDiagramStore(selectLayoutError);
  const applyNodeChanges = useDiagramStore(selectApplyNodeChanges);
  const applyEdgeChanges = useDiagramStore(selectApplyEdgeChanges);
  const select = useDiagramStore(selectSelect);
  const clearSelection = useDiagramStore(selectClearSelection);
  const onNodeClick = useCallback<NodeMouseHandler<ProcessNode>>((_event, node) => select({ kind: 'node', id: node.id }), [select]);
  const onEdgeClick = useCallback<EdgeMouseHandler<ProcessEdge>>((_event, edge) => select({ kind: 'edge', id: edge.id }), [select]);

  if (layout === 'failed') return <p className="form-error" role="alert">The diagram could not be laid out: {layoutError}</p>;
  // Rendered only once laid out, so fitView fits the final positions.
  if (layout === 'pending') return <Loading label="Drawing the process…" />;
  return (
    <div className="flow-canvas" role="figure" aria-label={`Diagram of ${name}`}>
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
        nodesDraggable={false}
        nodesConnectable={false}
        deleteKeyCode={null}
        fitView
        fitViewOptions={FIT_VIEW_OPTIONS}
        minZoom={0.2}
        preventScrolling={!compact}
        zoomOnScroll={!compact}
      >
        <Background gap={16} />
        <Controls showInteractive={false} />
        {compact ? null : <MiniMap pannable zoomable style={MINIMAP_STYLE} />}
      </ReactFlow>
    </div>
  );
}
