import type { ElkNode, ElkPort } from 'elkjs/lib/elk-api';
import { savedPosition } from './flow-graph';
import type { ProcessGraph, ProcessNode } from './process-graph';

/** Widths match process-diagram.css; heights are estimated from what each node shows. */
const NODE_WIDTH = { start: 200, stage: 200, end: 56, step: 200, outcome: 140 } as const;
const LINE = 20;
const OUTCOME_ROW = 24;
const LIVE_ROW = 26;

export function estimateSize(node: ProcessNode): { width: number; height: number } {
  const live = node.data.live ? LIVE_ROW : 0;
  switch (node.type) {
    case 'start':
      return { width: NODE_WIDTH.start, height: 64 + LINE * Math.min(node.data.intake.length, 8) + (node.data.intake.length > 8 ? LINE : 0) + live };
    case 'stage': {
      const { stage } = node.data;
      const facts = [stage.ownerQueue, stage.slaMinutes, stage.stallAfterMinutes, stage.calendar].filter((fact) => fact !== undefined).length;
      return { width: NODE_WIDTH.stage, height: 56 + LINE * facts + 26 * (stage.escalation?.length ?? 0) + live };
    }
    case 'end':
      return { width: NODE_WIDTH.end, height: NODE_WIDTH.end };
    case 'decision': {
      const facts = [node.data.queue, node.data.due].filter((fact) => fact !== null).length;
      return { width: NODE_WIDTH.step, height: 56 + LINE * facts + OUTCOME_ROW * node.data.outcomes.length + live };
    }
    case 'delay':
    case 'escalate':
    case 'message':
      return { width: NODE_WIDTH.step, height: 56 + LINE * 2 + live };
    case 'outcome':
      return { width: NODE_WIDTH.outcome, height: 56 + live };
  }
}

const LAYOUT_OPTIONS = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.layered.spacing.nodeNodeBetweenLayers': '60',
  'elk.spacing.nodeNode': '40',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.edgeLabels.placement': 'CENTER',
};

const portId = (nodeId: string, handle: string) => `${nodeId}::${handle}`;

/**
 * A decision's outcomes become ports on its east side, top to bottom as its handles are drawn (elk counts
 * clockwise from the top left), so elk keeps
 * each path leaving from its own row instead of crossing its neighbours.
 */
function toElkNode(node: ProcessNode): ElkNode {
  const size = estimateSize(node);
  if (node.type !== 'decision') return { id: node.id, ...size };
  const ports: ElkPort[] = node.data.outcomes.map((outcome, index) => ({
    id: portId(node.id, outcome.handle),
    width: 1,
    height: 1,
    layoutOptions: { 'elk.port.side': 'EAST', 'elk.port.index': String(index) },
  }));
  return { id: node.id, ...size, ports, layoutOptions: { 'elk.portConstraints': 'FIXED_ORDER' } };
}

/**
 * Places the nodes left to right in layers with elkjs; a flow step the designer placed keeps its saved
 * position, so only the others move (and elk is not loaded at all when every step was placed). elk
 * (1.6 MB of compiled Java) is imported on first use, so it is a chunk of its own that only the diagram loads.
 */
export async function layoutGraph(graph: ProcessGraph): Promise<ProcessGraph> {
  if (graph.nodes.length > 0 && graph.nodes.every((node) => savedPosition(node) !== undefined)) return graph;
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const root: ElkNode = {
    id: 'root',
    layoutOptions: LAYOUT_OPTIONS,
    children: graph.nodes.map(toElkNode),
    // Labels given to elk widen the gap between the layers they sit in, so decision labels get room.
    edges: graph.edges.map((edge) => ({
      id: edge.id,
      // Only decisions have named handles (toFlowGraph sets sourceHandle on nothing else).
      sources: [edge.sourceHandle ? portId(edge.source, edge.sourceHandle) : edge.source],
      targets: [edge.target],
      ...(typeof edge.label === 'string' ? { labels: [{ text: edge.label, width: edge.label.length * 6.5 + 16, height: 18 }] } : {}),
    })),
  };
  const laidOut = await new ELK().layout(root);
  const placed = new Map((laidOut.children ?? []).map((child) => [child.id, { x: child.x ?? 0, y: child.y ?? 0 }]));
  return {
    nodes: graph.nodes.map((node) => ({ ...node, position: savedPosition(node) ?? placed.get(node.id) ?? node.position }) as ProcessNode),
    edges: graph.edges,
  };
}
