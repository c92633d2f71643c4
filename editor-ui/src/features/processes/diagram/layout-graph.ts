import type { ElkNode } from 'elkjs/lib/elk-api';
import type { ProcessGraph, ProcessNode } from './process-graph';

/** Widths match process-diagram.css; heights are estimated from what each node shows. */
const NODE_WIDTH = { start: 200, stage: 200, end: 56 } as const;
const LINE = 20;

export function estimateSize(node: ProcessNode): { width: number; height: number } {
  switch (node.type) {
    case 'start':
      return { width: NODE_WIDTH.start, height: 64 + LINE * Math.min(node.data.intake.length, 8) + (node.data.intake.length > 8 ? LINE : 0) };
    case 'stage': {
      const { stage } = node.data;
      const facts = [stage.ownerQueue, stage.slaMinutes, stage.stallAfterMinutes, stage.calendar].filter((fact) => fact !== undefined).length;
      return { width: NODE_WIDTH.stage, height: 56 + LINE * facts + 26 * (stage.escalation?.length ?? 0) };
    }
    case 'end':
      return { width: NODE_WIDTH.end, height: NODE_WIDTH.end };
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

/**
 * Places the nodes left to right in layers with elkjs. elk (1.6 MB of compiled Java) is imported on
 * first use, so it is a chunk of its own that only the diagram loads.
 */
export async function layoutGraph(graph: ProcessGraph): Promise<ProcessGraph> {
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const root: ElkNode = {
    id: 'root',
    layoutOptions: LAYOUT_OPTIONS,
    children: graph.nodes.map((node) => ({ id: node.id, ...estimateSize(node) })),
    // Labels given to elk widen the gap between the layers they sit in, so decision labels get room.
    edges: graph.edges.map((edge) => ({
      id: edge.id,
      sources: [edge.source],
      targets: [edge.target],
      ...(typeof edge.label === 'string' ? { labels: [{ text: edge.label, width: edge.label.length * 6.5 + 16, height: 18 }] } : {}),
    })),
  };
  const laidOut = await new ELK().layout(root);
  const placed = new Map((laidOut.children ?? []).map((child) => [child.id, { x: child.x ?? 0, y: child.y ?? 0 }]));
  return {
    nodes: graph.nodes.map((node) => ({ ...node, position: placed.get(node.id) ?? node.position }) as ProcessNode),
    edges: graph.edges,
  };
}
