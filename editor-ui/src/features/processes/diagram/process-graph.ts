import type { Edge, Node } from '@xyflow/react';
import type { Decision, EscalationStep, FlowLink, IntakeField, ProcessFlow, Stage, StageStep, StartStep } from '../../../api/types';
import type { DecisionNode, DelayNode, EscalateNode, MessageNode, NodeOverlay, OutcomeNode } from './flow-nodes';

/** The part of a process version the diagram draws: what GET /processes and a template's process.json both have. */
export interface DiagramDefinition {
  key: string;
  name: string;
  entityTypes: string[];
  stages: Stage[];
  decisions: Decision[];
  intake?: IntakeField[];
  /** The stages' calendar where a stage names none (then the backend's "default"). */
  calendarKey?: string | null;
  /** The designed flow; when present it is drawn (flow-graph.ts) instead of the stage list. */
  flow?: ProcessFlow | null;
}

// Node data stays plain JSON (copies of the definition's parts), so the store can snapshot and compare it.
// A flow's start and stage steps are drawn by the same nodes as the stage list's, with their `step` added.
export type StartNodeData = NodeOverlay & { entityTypes: string[]; intake: IntakeField[]; step?: StartStep };
/** `position` is the stage's place in the definition's `stages`, null when a flow step names no such stage. */
export type StageNodeData = NodeOverlay & { position: number | null; stage: Stage; step?: StageStep };
export type EndNodeData = NodeOverlay & { outcome: Decision | null };

export type StartNode = Node<StartNodeData, 'start'>;
export type StageNode = Node<StageNodeData, 'stage'>;
export type EndNode = Node<EndNodeData, 'end'>;
export type ProcessNode = StartNode | StageNode | EndNode | DecisionNode | DelayNode | MessageNode | EscalateNode | OutcomeNode;

/**
 * `link` is the flow link an edge draws (absent on the stage list's edges). `share` (0–1) and `count` are
 * the cases that took this path, which the live map will fill in.
 */
export type FlowEdgeData = { decision: Decision | null; link?: FlowLink; share?: number; count?: number };
export type ProcessEdge = Edge<FlowEdgeData>;

export interface ProcessGraph {
  nodes: ProcessNode[];
  edges: ProcessEdge[];
}

export const START_ID = 'start';
export const stageNodeId = (stageKey: string) => `stage:${stageKey}`;
export const endNodeId = (decisionKey: string | null) => (decisionKey === null ? 'end' : `end:${decisionKey}`);

const ORIGIN = { x: 0, y: 0 };

/**
 * The definition as nodes and edges, unpositioned (layout-graph.ts places them): intake → each stage
 * in order → end. A definition lists its decisions but not the stage that asks for them nor where
 * each leads (the n8n workflow decides that), so they are drawn as the outcomes leaving the last
 * stage, one labelled edge and end per decision; without decisions the last stage simply ends.
 */
export function toProcessGraph(definition: DiagramDefinition): ProcessGraph {
  const stages = definition.stages.map(
    (stage, index): StageNode => ({ id: stageNodeId(stage.key), type: 'stage', position: ORIGIN, data: { position: index + 1, stage } }),
  );
  const start: StartNode = {
    id: START_ID,
    type: 'start',
    position: ORIGIN,
    data: { entityTypes: [...definition.entityTypes], intake: [...(definition.intake ?? [])] },
  };
  const ends: EndNode[] =
    definition.decisions.length === 0
      ? [{ id: endNodeId(null), type: 'end', position: ORIGIN, data: { outcome: null } }]
      : definition.decisions.map((decision) => ({ id: endNodeId(decision.key), type: 'end', position: ORIGIN, data: { outcome: decision } }));

  const edges: ProcessEdge[] = [];
  let previous: ProcessNode = start;
  for (const stage of stages) {
    edges.push(flowEdge(previous.id, stage.id, null));
    previous = stage;
  }
  for (const end of ends) edges.push(flowEdge(previous.id, end.id, end.data.outcome));
  return { nodes: [start, ...stages, ...ends], edges };
}

function flowEdge(source: string, target: string, decision: Decision | null): ProcessEdge {
  // Decisions fan out from one handle: bezier curves put each label at a different height, where
  // smoothstep would stack them all on the shared vertical segment.
  const edge: ProcessEdge = { id: `${source}->${target}`, source, target, type: decision ? 'default' : 'smoothstep', data: { decision } };
  if (decision) edge.label = decision.commentRequired ? `${decision.label} (comment)` : decision.label;
  return edge;
}

/** "2 d 4 h" from minutes; SLAs and thresholds are stored in minutes. */
export function formatMinutes(minutes: number): string {
  const units: Array<[string, number]> = [
    ['d', 1440],
    ['h', 60],
    ['min', 1],
  ];
  const parts: string[] = [];
  let rest = minutes;
  for (const [label, size] of units) {
    const amount = Math.floor(rest / size);
    if (amount > 0) parts.push(`${amount} ${label}`);
    rest -= amount * size;
  }
  return parts.length > 0 ? parts.slice(0, 2).join(' ') : '0 min';
}

/** A ladder step in a few words: "75% · notify", "+1 h · escalate → finance". */
export function describeStep(step: EscalationStep): string {
  const when = step.atPercent !== undefined ? `${step.atPercent}%` : `+${formatMinutes(step.afterBreachMinutes ?? 0)}`;
  const target = step.toQueue ?? step.toUser;
  return `${when} · ${step.action}${target ? ` → ${target}` : ''}`;
}
