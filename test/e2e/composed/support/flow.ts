import { randomUUID } from 'node:crypto';
import type { Connection, WorkflowInput, WorkflowNode } from '../../../n8n';

type Parameters = Record<string, unknown>;
type Extra = Partial<Pick<WorkflowNode, 'credentials' | 'webhookId' | 'onError'>>;

/**
 * Builds n8n workflow JSON the way a user drags it together: nodes by name, wired output → input.
 * Only what the composed scenarios need; positions are laid out left to right.
 */
export class Flow {
  private readonly nodes: WorkflowNode[] = [];
  private readonly connections: Record<string, { main: Connection[][] }> = {};

  constructor(
    private readonly name: string,
    private readonly credentialId: string,
  ) {}

  /** A node of n8n's own (or any type), with its parameters exactly as the editor saves them. */
  node(name: string, type: string, typeVersion: number, parameters: Parameters, extra: Extra = {}): this {
    this.nodes.push({ name, type, typeVersion, parameters, position: [this.nodes.length * 240, 0], ...extra });
    return this;
  }

  /** A Caseflow node, with the credential set. */
  caseflow(name: string, type: string, parameters: Parameters, extra: Extra & { typeVersion?: number } = {}): this {
    const { typeVersion = 1, ...rest } = extra;
    const pausing = type === 'awaitDecision' || type === 'relativeDelay';
    return this.node(name, `n8n-nodes-caseflow.${type}`, typeVersion, parameters, {
      credentials: { caseflowApi: { id: this.credentialId, name: 'Caseflow' } },
      ...(pausing ? { webhookId: randomUUID() } : {}),
      ...rest,
    });
  }

  webhook(name: string, path: string, options: { respond?: 'onReceived' | 'responseNode'; parameters?: Parameters } = {}): this {
    return this.node(
      name,
      'n8n-nodes-base.webhook',
      2,
      { httpMethod: 'POST', path, responseMode: options.respond ?? 'onReceived', options: {}, ...options.parameters },
      { webhookId: randomUUID() },
    );
  }

  /** Respond to Webhook with a JSON body (an expression) and a status code. */
  respond(name: string, status: number, body: string): this {
    return this.node(name, 'n8n-nodes-base.respondToWebhook', 1.1, {
      respondWith: 'json',
      responseBody: body,
      options: { responseCode: status },
    });
  }

  noOp(name: string): this {
    return this.node(name, 'n8n-nodes-base.noOp', 1, {});
  }

  code(name: string, js: string): this {
    return this.node(name, 'n8n-nodes-base.code', 2, { jsCode: js });
  }

  /** Wires `from`'s output `output` to `to`. */
  connect(from: string, to: string, output = 0): this {
    const outputs = (this.connections[from] ??= { main: [] }).main;
    while (outputs.length <= output) outputs.push([]);
    outputs[output]!.push({ node: to, type: 'main', index: 0 });
    return this;
  }

  /** Wires a chain: a → b → c, each from output 0. */
  chain(...names: string[]): this {
    for (let i = 1; i < names.length; i++) this.connect(names[i - 1]!, names[i]!);
    return this;
  }

  build(): WorkflowInput {
    return { name: this.name, nodes: this.nodes, connections: this.connections };
  }
}

/** Await Decision's parameters for an Approve / Reject review of the case's entity in `queue`, one output per decision. */
export function approveOrRejectReview(queue: string): Record<string, unknown> {
  return {
    queue,
    title: '=Review {{ $json.caseflow.entity.externalId }}',
    decisionSource: 'define',
    decisions: { values: [{ key: 'approve', label: 'Approve' }, { key: 'reject', label: 'Reject' }] },
    due: 'none',
    outputMode: 'perDecision',
    options: {},
  };
}
