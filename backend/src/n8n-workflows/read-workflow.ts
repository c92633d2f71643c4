import { TIMED_OUT, type FlowLink, type FlowStep, type ProcessFlow } from '../processes/process-flow';
import { ownerKeyOf } from './generate-workflow';
import { readNode, type NodeReading } from './read-node';
import { outputsOf, type N8nWorkflowJson, type N8nWorkflowNode } from './workflow-model';

/** How each node of the workflow was drawn: as the step `stepId`, or (null) passed through, with why. */
export interface ReadNodeSummary {
  name: string;
  type: string;
  stepId: string | null;
  note: string;
}

export interface ReadWorkflowResult {
  flow: ProcessFlow;
  nodes: ReadNodeSummary[];
}

export class WorkflowShapeError extends Error {}

const STEP_ID = /^[A-Za-z0-9_-]{1,100}$/;

/**
 * Draws any n8n workflow that uses Caseflow nodes as a flow: each Caseflow node that does a step becomes one
 * (the launch, or else the first trigger, is the start), every other node is passed through, so a link runs
 * from a step to each step it reaches through them, keeping the decision of the Await Decision output it
 * left from.
 */
export function readWorkflow(input: unknown): ReadWorkflowResult {
  const workflow = workflowShapeOf(input);
  const readings = new Map(workflow.nodes.map((node) => [node.name, readNode(node)]));
  const start = chooseStart(workflow.nodes, readings);
  const ids = new StepIds();
  const steps: FlowStep[] = [];
  const stepIdOf = new Map<string, string>();
  const summaries: ReadNodeSummary[] = [];
  for (const node of workflow.nodes) {
    const reading = readings.get(node.name)!;
    const isStep = reading.role === 'step' || node === start;
    if (!isStep || !reading.step) {
      const extra = reading.role === 'launch' || reading.role === 'trigger' ? `${reading.note}; not the start (a flow has one), drawn as a pass-through` : reading.note;
      summaries.push({ name: node.name, type: node.type, stepId: null, note: extra });
      continue;
    }
    const id = ids.take(ownerKeyOf(node.id), node.name);
    stepIdOf.set(node.name, id);
    steps.push({ ...reading.step, id, label: node.name, position: positionOf(node) } as FlowStep);
    summaries.push({ name: node.name, type: node.type, stepId: id, note: reading.note });
  }
  return { flow: { steps, links: linksOf(workflow, readings, stepIdOf, steps) }, nodes: summaries };
}

function workflowShapeOf(input: unknown): N8nWorkflowJson {
  const candidate = (input ?? {}) as Partial<N8nWorkflowJson>;
  if (typeof input !== 'object' || input === null || !Array.isArray(candidate.nodes)) {
    throw new WorkflowShapeError('An n8n workflow is an object with "nodes" (a list) and "connections" (an object).');
  }
  candidate.nodes.forEach((node, index) => {
    if (!node || typeof node.name !== 'string' || typeof node.type !== 'string') {
      throw new WorkflowShapeError(`nodes[${index}] needs a "name" and a "type" (strings).`);
    }
  });
  const connections = candidate.connections;
  if (connections !== undefined && (typeof connections !== 'object' || connections === null || Array.isArray(connections))) {
    throw new WorkflowShapeError('"connections" must be an object keyed by source node name.');
  }
  return { name: String(candidate.name ?? ''), nodes: candidate.nodes, connections: connections ?? {} };
}

/** A launching Launch Workflow, else one in find mode (a follow-up flow), else the first trigger. */
function chooseStart(nodes: N8nWorkflowNode[], readings: Map<string, NodeReading>): N8nWorkflowNode | undefined {
  const launches = nodes.filter((node) => readings.get(node.name)!.role === 'launch');
  return (
    launches.find((node) => (node.parameters as Record<string, unknown> | undefined)?.mode !== 'find') ??
    launches[0] ??
    nodes.find((node) => node.type === 'n8n-nodes-caseflow.caseflowTrigger') ??
    nodes.find((node) => readings.get(node.name)!.role === 'trigger')
  );
}

function linksOf(workflow: N8nWorkflowJson, readings: Map<string, NodeReading>, stepIdOf: Map<string, string>, steps: FlowStep[]): FlowLink[] {
  const byId = new Map(steps.map((step) => [step.id, step]));
  const links = new Map<string, FlowLink>();
  for (const [name, from] of stepIdOf) {
    const step = byId.get(from)!;
    const outputs = outputsOf(workflow, name);
    const reading = readings.get(name)!;
    const followed = reading.outputs ?? outputs.map((_, index) => index);
    for (const output of followed) {
      const on = step.kind === 'decision' && !reading.singleOutput ? decisionOn(step.decisions, output) : undefined;
      for (const to of stepsReached(workflow, stepIdOf, (outputs[output] ?? []).map((target) => target.node))) {
        const link: FlowLink = on === undefined ? { from, to } : { from, to, on };
        links.set(`${from}\u0000${to}\u0000${on ?? ''}`, link);
      }
    }
  }
  return [...links.values()];
}

const decisionOn = (decisions: string[], output: number): string => (output === 0 ? TIMED_OUT : (decisions[output - 1] ?? `output${output}`));

/** The steps a path from these nodes reaches first, walking through every node that is not a step. */
function stepsReached(workflow: N8nWorkflowJson, stepIdOf: Map<string, string>, names: string[]): string[] {
  const reached: string[] = [];
  const seen = new Set<string>();
  const pending = [...names];
  while (pending.length > 0) {
    const name = pending.shift()!;
    if (seen.has(name)) continue;
    seen.add(name);
    const stepId = stepIdOf.get(name);
    if (stepId) reached.push(stepId);
    else for (const targets of outputsOf(workflow, name)) pending.push(...targets.map((target) => target.node));
  }
  return reached;
}

function positionOf(node: N8nWorkflowNode): { x: number; y: number } | undefined {
  const position = node.position;
  return Array.isArray(position) && typeof position[0] === 'number' && typeof position[1] === 'number' ? { x: position[0], y: position[1] } : undefined;
}

/** Step ids: the one a generated node carries, else one made from the node's name; unique either way. */
class StepIds {
  private readonly taken = new Set<string>();

  take(generated: string | null, name: string): string {
    const base = generated && STEP_ID.test(generated) ? generated : name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 90) || 'step';
    let id = base;
    for (let n = 2; this.taken.has(id); n += 1) id = `${base}-${n}`;
    this.taken.add(id);
    return id;
  }
}
