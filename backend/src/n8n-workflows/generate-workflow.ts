import { createHash } from 'node:crypto';
import { TIMED_OUT, type FlowLink, type FlowPosition, type FlowStep, type StartStep } from '../processes/process-flow';
import { withCredential } from '../templates/workflow-installer';
import { layoutSteps } from './layout';
import { defaultLabel, NodeNamer } from './node-names';
import { stepNode } from './step-nodes';
import { NODE_TYPES, type DesignedProcess, type N8nConnectionTarget, type N8nWorkflowJson, type N8nWorkflowNode } from './workflow-model';

export interface GenerateOptions {
  /** The n8n credential (type caseflowApi) set on every Caseflow node. */
  credentialId?: string;
  /** The Webhook node's path; `caseflow/<processKey>` by default. */
  webhookPath?: string;
}

export class FlowNotGeneratableError extends Error {}

/** Generated nodes have ids `cf-<owner key>`: the step id, or `<start id>--<role>` for the start's helpers. */
const OWNED_PREFIX = 'cf-';
export const ownedNodeId = (ownerKey: string): string => `${OWNED_PREFIX}${ownerKey}`;
export const ownerKeyOf = (nodeId: unknown): string | null =>
  typeof nodeId === 'string' && nodeId.startsWith(OWNED_PREFIX) ? nodeId.slice(OWNED_PREFIX.length) : null;

export const webhookPathOf = (processKey: string): string => `caseflow/${processKey}`;

/** The outputs of Launch Workflow (v2, launch mode, with its error output on) and where each answers the caller. */
const START_HELPERS = [
  { role: 'created', name: 'Answer: created (201)', status: 201, dy: 0 },
  { role: 'existing', name: 'Answer: exists (200)', status: 200, dy: 200 },
  { role: 'refused', name: 'Answer: refused', status: 0, dy: 400 },
] as const;

/**
 * The n8n workflow that runs a designed flow: Webhook → Launch Workflow → "New Case" → answer 201 → the first
 * step, "Existing Case" → answer 200, a refused launch → its error answered; then one Caseflow node per step,
 * wired as the flow's links (a decision's links leave from the Await Decision output of their `on`).
 */
export function generateWorkflow(process: DesignedProcess, options: GenerateOptions = {}): N8nWorkflowJson {
  const { flow } = process;
  const starts = flow.steps.filter((step): step is StartStep => step.kind === 'start');
  if (starts.length !== 1) throw new FlowNotGeneratableError(`The flow needs exactly one start step; it has ${starts.length}.`);
  const start = starts[0]!;
  const positions = layoutSteps(flow);
  const namer = new NodeNamer();
  const nameOf = new Map<string, string>();
  const nodes: N8nWorkflowNode[] = [];

  for (const step of flow.steps) {
    const name = namer.name(step.label ?? defaultLabel(process, step));
    nameOf.set(step.id, name);
    const { type, typeVersion, parameters } = stepNode(process, step);
    nodes.push({ id: ownedNodeId(step.id), name, type, typeVersion, position: at(positions.get(step.id)!), parameters });
  }
  const startAt = positions.get(start.id)!;
  const webhookName = namer.name(`${process.name} webhook`);
  nodes.push(webhookNode(process, start, webhookName, startAt, options.webhookPath ?? webhookPathOf(process.key)));
  const helperNames = START_HELPERS.map((helper) => {
    const name = namer.name(helper.name);
    nodes.push(answerNode(ownedNodeId(`${start.id}--${helper.role}`), name, helper.status, { x: startAt.x + 280, y: startAt.y + helper.dy }));
    return name;
  });
  nodes.find((node) => node.name === nameOf.get(start.id))!.onError = 'continueErrorOutput';

  const connections: Record<string, { main: N8nConnectionTarget[][] }> = {};
  const connect = (from: string, output: number, to: string) => {
    const main = (connections[from] ??= { main: [] }).main;
    while (main.length <= output) main.push([]);
    main[output]!.push({ node: to, type: 'main', index: 0 });
  };
  connect(webhookName, 0, nameOf.get(start.id)!);
  helperNames.forEach((name, output) => connect(nameOf.get(start.id)!, output, name));
  const byId = new Map(flow.steps.map((step) => [step.id, step]));
  for (const link of flow.links) {
    const from = byId.get(link.from);
    if (!from || !byId.has(link.to)) throw new FlowNotGeneratableError(`A link goes from "${link.from}" to "${link.to}", and one of them is no step.`);
    const source = from.kind === 'start' ? helperNames[0]! : nameOf.get(from.id)!;
    connect(source, outputOf(from, link), nameOf.get(link.to)!);
  }

  const workflow: N8nWorkflowJson = { name: `Caseflow · ${process.name}`, nodes, connections, settings: { executionOrder: 'v1' } };
  return options.credentialId ? withCredential(workflow, options.credentialId) : workflow;
}

/** Await Decision's outputs: "Timed Out" first, then one per decision in the order the step lists them. */
export function outputOf(step: FlowStep, link: FlowLink): number {
  if (step.kind !== 'decision') return 0;
  if (link.on === TIMED_OUT) return 0;
  const index = step.decisions.indexOf(link.on ?? '');
  if (index < 0) throw new FlowNotGeneratableError(`A link leaves decision step "${step.id}" on "${link.on ?? ''}", which is none of its decisions.`);
  return index + 1;
}

const at = (position: FlowPosition): [number, number] => [Math.round(position.x), Math.round(position.y)];

function webhookNode(process: DesignedProcess, start: StartStep, name: string, startAt: FlowPosition, path: string): N8nWorkflowNode {
  return {
    id: ownedNodeId(`${start.id}--webhook`),
    name,
    type: NODE_TYPES.webhook,
    typeVersion: 2,
    position: at({ x: startAt.x - 280, y: startAt.y }),
    // Stable per process, so regenerating never moves the webhook's registration.
    webhookId: uuidFrom(`caseflow-webhook:${process.key}`),
    parameters: { httpMethod: 'POST', path, responseMode: 'responseNode', options: {} },
  };
}

function answerNode(id: string, name: string, status: number, position: FlowPosition): N8nWorkflowNode {
  const body =
    status === 0 ? '={{ { error: $json.error, fields: $json.details?.fields ?? [] } }}' : '={{ { caseId: $json.caseflow.instanceId } }}';
  return {
    id,
    name,
    type: NODE_TYPES.respond,
    typeVersion: 1.5,
    position: at(position),
    parameters: { respondWith: 'json', responseBody: body, options: { responseCode: status === 0 ? '={{ $json.details?.statusCode ?? 400 }}' : status } },
  };
}

function uuidFrom(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
