import type { DecisionStep, FlowLink, FlowStep, ProcessFlow } from '../../../api/types';
import { stageKeyOfDecision } from './flow-decision-stage';
import type { DecisionOutcome } from './flow-nodes';
import { describeEscalationTarget, describeRecipients, describeWait } from './flow-step-text';
import { formatMinutes, type DiagramDefinition, type ProcessEdge, type ProcessGraph, type ProcessNode } from './process-graph';

/** The output of a decision step taken when its task times out (Await Decision's "Timed Out"). */
export const TIMED_OUT = 'timedOut';
export const TIMED_OUT_LABEL = 'Timed out';

const ORIGIN = { x: 0, y: 0 };

/** Stable across redraws and edits elsewhere in the flow: "review->approved:approve", "start->review". */
export const flowEdgeId = (link: FlowLink) => `${link.from}->${link.to}${link.on === undefined ? '' : `:${link.on}`}`;

/** A step's saved place, which layout keeps; undefined when the designer never placed it. */
export const savedPosition = (node: ProcessNode) => ('step' in node.data ? node.data.step?.position : undefined);

/**
 * A designed flow as nodes and edges: one node per step (its id the step's id, its type the step's kind,
 * placed where it was saved, else at the origin for layout-graph.ts), one edge per link. A decision's edges
 * leave from the handle of their own decision and carry its label; links to or from no step are left out
 * (the checklist reports them).
 */
export function toFlowGraph(definition: DiagramDefinition & { flow: ProcessFlow }): ProcessGraph {
  const { flow } = definition;
  const nodes = flow.steps.map((step) => toFlowNode(definition, step));
  const stepIds = new Set(flow.steps.map((step) => step.id));
  const decisionIds = new Set(flow.steps.filter((step) => step.kind === 'decision').map((step) => step.id));
  const edges = flow.links
    .filter((link) => stepIds.has(link.from) && stepIds.has(link.to))
    .map((link) => toFlowEdge(definition, link, decisionIds.has(link.from)));
  return { nodes, edges };
}

function toFlowNode(definition: DiagramDefinition & { flow: ProcessFlow }, step: FlowStep): ProcessNode {
  const base = { id: step.id, position: step.position ? { ...step.position } : ORIGIN };
  switch (step.kind) {
    case 'start':
      return { ...base, type: 'start', data: { step, entityTypes: [...definition.entityTypes], intake: [...(definition.intake ?? [])] } };
    case 'stage': {
      const index = definition.stages.findIndex((stage) => stage.key === step.stageKey);
      const stage = definition.stages[index] ?? { key: step.stageKey, name: step.stageKey };
      return { ...base, type: 'stage', data: { step, position: index < 0 ? null : index + 1, stage } };
    }
    case 'decision': {
      const stageKey = stageKeyOfDecision(definition.flow, step);
      const queue = step.queue ?? definition.stages.find((stage) => stage.key === stageKey)?.ownerQueue ?? null;
      const due = step.dueInMinutes === undefined ? null : `Due in ${formatMinutes(step.dueInMinutes)}`;
      const outcomes = decisionOutcomes(definition, step);
      return { ...base, type: 'decision', data: { step, title: step.label ?? step.title, queue, due, outcomes } };
    }
    case 'delay': {
      const wait = describeWait(step);
      return { ...base, type: 'delay', data: { step, title: step.label ?? wait, wait } };
    }
    case 'message':
      return { ...base, type: 'message', data: { step, title: step.label ?? step.template, template: step.template, recipients: describeRecipients(step) } };
    case 'escalate': {
      const target = describeEscalationTarget(step);
      return { ...base, type: 'escalate', data: { step, title: step.label ?? `To ${target}`, target, reason: step.reason } };
    }
    case 'outcome': {
      const cancels = step.outcome === 'cancelled';
      return { ...base, type: 'outcome', data: { step, title: step.label ?? (cancels ? 'Cancelled' : step.outcome), cancels } };
    }
  }
}

/**
 * One handle per decision of the step, then "timed out" when the task has a deadline; a link `on` anything
 * else gets a handle too, so every edge has somewhere to leave from while the checklist flags it.
 */
function decisionOutcomes(definition: DiagramDefinition & { flow: ProcessFlow }, step: DecisionStep): DecisionOutcome[] {
  const handles = [...step.decisions, ...(step.dueInMinutes === undefined ? [] : [TIMED_OUT])];
  for (const link of definition.flow.links) {
    if (link.from === step.id && link.on !== undefined && !handles.includes(link.on)) handles.push(link.on);
  }
  return handles.map((handle) => ({ handle, label: outcomeLabel(definition, handle) }));
}

function outcomeLabel(definition: DiagramDefinition, on: string): string {
  if (on === TIMED_OUT) return TIMED_OUT_LABEL;
  return definition.decisions.find((decision) => decision.key === on)?.label ?? on;
}

/** Only a decision has named handles; an `on` anywhere else (a bad link) is drawn from the step's one handle. */
function toFlowEdge(definition: DiagramDefinition, link: FlowLink, fromDecision: boolean): ProcessEdge {
  const edge: ProcessEdge = { id: flowEdgeId(link), source: link.from, target: link.to, type: 'link', data: { decision: null, link: { ...link } } };
  if (link.on === undefined || !fromDecision) return edge;
  const decision = definition.decisions.find((candidate) => candidate.key === link.on);
  return { ...edge, sourceHandle: link.on, label: outcomeLabel(definition, link.on), data: { decision: decision ? { ...decision } : null, link: { ...link } } };
}
