import type { ProcessFlow } from '../../../api/types';
import { labelWithShare } from '../diagram/edges/edge-label';
import { stageKeyOfDecision } from '../diagram/flow-decision-stage';
import type { LiveCounts } from '../diagram/flow-nodes';
import type { FlowEdgeData, ProcessEdge, ProcessGraph, ProcessNode } from '../diagram/process-graph';
import type { LiveMap, LiveMapDecision } from './live-map-types';

/** Node id → the stage whose figures it shows and whose cases a click on it lists. */
export type NodeStages = Record<string, string>;

/**
 * Which stage each node stands for: a stage node its own; a decision step the stage its task counts in (its
 * own stageKey, else the nearest stage step before it). Other steps stand for none. Worked out once per drawing.
 */
export function stagesOfNodes(graph: ProcessGraph, flow: ProcessFlow | null | undefined): NodeStages {
  const stages: NodeStages = {};
  for (const node of graph.nodes) {
    if (node.type === 'stage') stages[node.id] = node.data.stage.key;
    if (node.type === 'decision' && flow) {
      const stageKey = stageKeyOfDecision(flow, node.data.step);
      if (stageKey !== undefined) stages[node.id] = stageKey;
    }
  }
  return stages;
}

/** What a period with no traffic shows: every drawn stage counts, at zero. */
export const NO_TRAFFIC: Pick<LiveMap, 'stages' | 'decisions'> = { stages: [], decisions: [] };

/**
 * The map's figures drawn onto a graph that has none: each stage node gets its stage's counts (zero when
 * the stage had no cases); a decision step gets its stage's counts only when no stage node draws that
 * stage, so no case is shown twice; each decision path gets the share and count of its decision in the
 * stage the decision step counts in. The stage list (no flow) draws every decision leaving its last stage,
 * so there a decision's figures are summed over all stages. Positions and everything else stay as they are.
 */
export function applyLiveMap(graph: ProcessGraph, stages: NodeStages, figures: Pick<LiveMap, 'stages' | 'decisions'>): ProcessGraph {
  const drawnStages = new Set(graph.nodes.filter((node) => node.type === 'stage').map((node) => stages[node.id]));
  const countsOf = (stageKey: string): LiveCounts => {
    const row = figures.stages.find((stage) => stage.stageKey === stageKey);
    return {
      open: row?.open ?? 0,
      overdue: row?.overdue ?? 0,
      stalled: row?.stalled ?? 0,
      breached: row?.breached ?? 0,
      medianMinutes: row?.medianMinutes ?? null,
      p90Minutes: row?.p90Minutes ?? null,
    };
  };
  const nodes = graph.nodes.map((node) => {
    const stageKey = stages[node.id];
    const shows = stageKey !== undefined && (node.type === 'stage' || !drawnStages.has(stageKey));
    return withLive(node, shows ? countsOf(stageKey) : undefined);
  });
  const edges = graph.edges.map((edge) => withTraffic(edge, trafficOf(edge, stages, figures.decisions)));
  return { nodes, edges };
}

type Traffic = Pick<FlowEdgeData, 'share' | 'count'>;

function trafficOf(edge: ProcessEdge, stages: NodeStages, decisions: LiveMapDecision[]): Traffic | undefined {
  const on = edge.data?.link?.on;
  if (on !== undefined) {
    const stageKey = stages[edge.source];
    const made = decisions.filter((row) => row.stageKey === stageKey);
    if (made.length === 0) return undefined;
    const row = made.find((candidate) => candidate.decision === on);
    return row ? { share: row.share, count: row.count } : { share: 0, count: 0 };
  }
  const decision = edge.data?.link === undefined ? edge.data?.decision : null;
  return decision ? shareAmong(decisions, decision.key) : undefined;
}

/** The decision's share of all those made, in any stage; none when nothing was decided (0 of 0 is no share). */
function shareAmong(made: LiveMapDecision[], decision: string): Traffic | undefined {
  const total = made.reduce((sum, row) => sum + row.count, 0);
  if (total === 0) return undefined;
  const count = made.filter((row) => row.decision === decision).reduce((sum, row) => sum + row.count, 0);
  return { share: count / total, count };
}

function withLive(node: ProcessNode, live: LiveCounts | undefined): ProcessNode {
  const data = { ...node.data };
  delete data.live;
  return { ...node, data: live ? { ...data, live } : data } as ProcessNode;
}

/** Flow links show their traffic themselves (LinkEdge); the stage list's built-in edges get it written into their label. */
function withTraffic(edge: ProcessEdge, traffic: Traffic | undefined): ProcessEdge {
  const data: FlowEdgeData = { decision: edge.data?.decision ?? null, ...(edge.data?.link ? { link: edge.data.link } : {}), ...traffic };
  if (edge.type === 'link') return { ...edge, data };
  const label = typeof edge.label === 'string' ? labelWithShare(edge.label, data) : edge.label;
  return { ...edge, data, label };
}
