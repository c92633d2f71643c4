import { describe, expect, it } from 'vitest';
import type { ProcessFlow } from '../../../api/types';
import { toFlowGraph } from '../diagram/flow-graph';
import { toProcessGraph, type ProcessEdge, type ProcessGraph, type ProcessNode } from '../diagram/process-graph';
import { aFlowProcess, anInvoiceFlow } from '../test-support/flow-fixtures';
import { aProcess } from '../test-support/process-fixtures';
import { applyLiveMap, NO_TRAFFIC, stagesOfNodes } from './apply-live-map';
import type { LiveMapStage } from './live-map-types';

const node = (graph: ProcessGraph, id: string): ProcessNode => graph.nodes.find((candidate) => candidate.id === id)!;
const edge = (graph: ProcessGraph, id: string): ProcessEdge => graph.edges.find((candidate) => candidate.id === id)!;

const stageRow = (stageKey: string, figures: Partial<LiveMapStage> = {}): LiveMapStage => ({
  stageKey,
  open: 0,
  overdue: 0,
  stalled: 0,
  breached: 0,
  entered: 0,
  left: 0,
  medianMinutes: null,
  p90Minutes: null,
  ...figures,
});

const FINANCE = stageRow('finance', { open: 4, overdue: 1, stalled: 2, breached: 1, entered: 9, left: 5, medianMinutes: 90, p90Minutes: 600 });
const FINANCE_DECISIONS = [
  { stageKey: 'finance', decision: 'paid', count: 3, share: 0.75 },
  { stageKey: 'finance', decision: 'write-off', count: 1, share: 0.25 },
  // Another stage's decisions never count on this stage's paths.
  { stageKey: 'open', decision: 'paid', count: 40, share: 1 },
];

function invoiceFlow(change: (flow: ProcessFlow) => void = () => {}) {
  const flow = anInvoiceFlow();
  change(flow);
  const graph = toFlowGraph(aFlowProcess(flow));
  return { flow, graph, stages: stagesOfNodes(graph, flow) };
}

describe('stagesOfNodes', () => {
  it('gives a stage node its stage and a decision step the stage step before it; other steps none', () => {
    const { stages } = invoiceFlow();
    expect(stages).toEqual({ chase: 'finance', decide: 'finance' });
  });

  it("prefers a decision step's own stageKey to the stage before it", () => {
    const { stages } = invoiceFlow((flow) => {
      const decide = flow.steps.find((step) => step.id === 'decide');
      if (decide?.kind === 'decision') decide.stageKey = 'overdue';
    });
    expect(stages.decide).toBe('overdue');
  });

  it('gives the stage list its stage nodes by key, and nothing without a flow to resolve decisions', () => {
    const graph = toProcessGraph(aProcess());
    expect(stagesOfNodes(graph, null)).toEqual({ 'stage:open': 'open', 'stage:overdue': 'overdue', 'stage:finance': 'finance' });
  });
});

describe('applyLiveMap', () => {
  it("puts a stage's figures on its stage node and none on steps that stand for no stage", () => {
    const { graph, stages } = invoiceFlow();
    const drawn = applyLiveMap(graph, stages, { stages: [FINANCE], decisions: [] });
    expect(node(drawn, 'chase').data.live).toEqual({ open: 4, overdue: 1, stalled: 2, breached: 1, medianMinutes: 90, p90Minutes: 600 });
    for (const id of ['start', 'remind', 'wait', 'escalate', 'paid']) expect(node(drawn, id).data.live).toBeUndefined();
  });

  it('counts a drawn stage the period knows nothing of as zero, with no times', () => {
    const { graph, stages } = invoiceFlow();
    const drawn = applyLiveMap(graph, stages, NO_TRAFFIC);
    expect(node(drawn, 'chase').data.live).toEqual({ open: 0, overdue: 0, stalled: 0, breached: 0, medianMinutes: null, p90Minutes: null });
  });

  it("shows a decision step's stage on the decision only when no stage node draws it, so no case counts twice", () => {
    const { graph, stages } = invoiceFlow();
    expect(node(applyLiveMap(graph, stages, { stages: [FINANCE], decisions: [] }), 'decide').data.live).toBeUndefined();

    const own = invoiceFlow((flow) => {
      const decide = flow.steps.find((step) => step.id === 'decide');
      if (decide?.kind === 'decision') decide.stageKey = 'overdue';
    });
    const drawn = applyLiveMap(own.graph, own.stages, { stages: [FINANCE, stageRow('overdue', { open: 7 })], decisions: [] });
    expect(node(drawn, 'decide').data.live?.open).toBe(7);
  });

  it('gives each decision path the share and count of its decision in the stage its step counts in', () => {
    const { graph, stages } = invoiceFlow();
    const drawn = applyLiveMap(graph, stages, { stages: [FINANCE], decisions: FINANCE_DECISIONS });
    expect(edge(drawn, 'decide->paid:paid').data).toMatchObject({ share: 0.75, count: 3 });
    expect(edge(drawn, 'decide->written-off:write-off').data).toMatchObject({ share: 0.25, count: 1 });
    // Decided in the stage, but never this way: 0%, not blank.
    expect(edge(drawn, 'decide->escalate:timedOut').data).toMatchObject({ share: 0, count: 0 });
    // Plain links carry no share.
    expect(edge(drawn, 'chase->decide').data).not.toHaveProperty('share');
    expect(edge(drawn, 'escalate->written-off').data).not.toHaveProperty('count');
  });

  it('leaves the paths blank while nothing was decided in the stage (0 of 0 is no share)', () => {
    const { graph, stages } = invoiceFlow();
    const drawn = applyLiveMap(graph, stages, { stages: [FINANCE], decisions: [{ stageKey: 'open', decision: 'paid', count: 2, share: 1 }] });
    expect(edge(drawn, 'decide->paid:paid').data).not.toHaveProperty('share');
  });

  it('changes data only: positions, ids and handles stay, and the graph it was given is not touched', () => {
    const { graph, stages } = invoiceFlow();
    const placed: ProcessGraph = { ...graph, nodes: graph.nodes.map((each, index) => ({ ...each, position: { x: index * 10, y: 5 } }) as ProcessNode) };
    const before = structuredClone(placed);
    const drawn = applyLiveMap(placed, stages, { stages: [FINANCE], decisions: FINANCE_DECISIONS });
    expect(drawn.nodes.map((each) => [each.id, each.position])).toEqual(placed.nodes.map((each) => [each.id, each.position]));
    expect(drawn.edges.map((each) => [each.id, each.sourceHandle, each.label])).toEqual(placed.edges.map((each) => [each.id, each.sourceHandle, each.label]));
    expect(placed).toEqual(before);
  });

  it('replaces earlier figures instead of keeping them', () => {
    const { graph, stages } = invoiceFlow();
    const first = applyLiveMap(graph, stages, { stages: [FINANCE], decisions: FINANCE_DECISIONS });
    const second = applyLiveMap(first, stages, NO_TRAFFIC);
    expect(node(second, 'chase').data.live?.open).toBe(0);
    expect(edge(second, 'decide->paid:paid').data).not.toHaveProperty('share');
  });

  it('draws the stage list too: figures on every stage, and each decision summed over all stages into its label', () => {
    const graph = toProcessGraph(aProcess());
    const drawn = applyLiveMap(graph, stagesOfNodes(graph, null), { stages: [FINANCE], decisions: FINANCE_DECISIONS });
    expect(node(drawn, 'stage:finance').data.live?.open).toBe(4);
    expect(node(drawn, 'stage:open').data.live?.open).toBe(0);
    expect(node(drawn, 'start').data.live).toBeUndefined();
    expect(edge(drawn, 'stage:finance->end:paid')).toMatchObject({ label: 'Payment received · 98% (43)', data: { share: 43 / 44, count: 43 } });
    expect(edge(drawn, 'stage:finance->end:write-off').label).toBe('Write off (comment) · 2% (1)');
    expect(edge(drawn, 'stage:overdue->stage:finance').label).toBeUndefined();
  });
});
