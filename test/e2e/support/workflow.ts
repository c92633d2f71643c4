import type { Connection, Execution, N8nApi, WorkflowInput, WorkflowNode } from '../../n8n';
import { waitFor } from '../../templates/support/wait';
import { ENTITY_TYPE, PROCESS_KEY, REVIEWERS, SUPERVISORS } from './stack';

export interface ReviewWorkflowOptions {
  path: string;
  credentialId: string;
  /** Await Decision's outputs: one per decision (n8n ≥ 2.39) or a single one carrying `decision`. */
  outputMode: 'perDecision' | 'single';
  /** Adds "New case?" (skips a repeated launch) and a Relative Delay of 1 minute after data.notBefore. */
  withDelay?: boolean;
  /** Adds Assign Stage "review", then Send Templated Message on approve and Escalate on reject. */
  withActions?: boolean;
}

let uuid = 0;
const webhookId = (): string => `0e2e0000-0000-4000-8000-${String(++uuid).padStart(12, '0')}`;
const to = (node: string): Connection[] => [{ node, type: 'main', index: 0 }];

/**
 * Webhook → Launch Workflow → [New case? → Relative Delay → Assign Stage] → Await Decision →
 * [approve: Send Templated Message | reject: Escalate], or NoOps "Approved"/"Rejected" without actions.
 */
export function reviewWorkflow(options: ReviewWorkflowOptions): WorkflowInput {
  const credentials = { caseflowApi: { id: options.credentialId, name: 'Caseflow' } };
  let x = 0;
  const at = (): [number, number] => [(x += 220), 0];
  const nodes: WorkflowNode[] = [
    {
      name: 'Webhook',
      type: 'n8n-nodes-base.webhook',
      typeVersion: 2,
      position: at(),
      webhookId: webhookId(),
      parameters: { httpMethod: 'POST', path: options.path, responseMode: 'onReceived', options: {} },
    },
    {
      name: 'Launch Workflow',
      type: 'n8n-nodes-caseflow.launchWorkflow',
      typeVersion: 1,
      position: at(),
      credentials,
      // Idempotency Key and Data keep their defaults: the Idempotency-Key header and body.data.
      parameters: {
        processKey: PROCESS_KEY,
        entityType: ENTITY_TYPE,
        entityExternalId: '={{ $json.body.id }}',
        entityName: '={{ $json.body.name }}',
        entityFields: { email: '={{ $json.body.email }}', managerEmail: '={{ $json.body.managerEmail }}' },
        options: { stageKey: 'intake' },
      },
    },
  ];
  const connections: Record<string, { main: Connection[][] }> = { Webhook: { main: [to('Launch Workflow')] } };
  let last = 'Launch Workflow';
  if (options.withDelay) {
    nodes.push(
      {
        name: 'New case?',
        type: 'n8n-nodes-base.if',
        typeVersion: 2.2,
        position: at(),
        parameters: {
          conditions: {
            options: { caseSensitive: true, leftValue: '', typeValidation: 'loose', version: 2 },
            combinator: 'and',
            conditions: [
              {
                id: 'created',
                leftValue: '={{ $json.caseflow.created }}',
                rightValue: true,
                operator: { type: 'boolean', operation: 'true', singleValue: true },
              },
            ],
          },
          options: {},
        },
      },
      {
        name: 'Relative Delay',
        type: 'n8n-nodes-caseflow.relativeDelay',
        typeVersion: 1,
        position: at(),
        credentials,
        parameters: {
          anchorSource: 'field',
          anchorField: 'data.notBefore',
          amount: 1,
          unit: 'minutes',
          direction: 'after',
          ifPast: 'continue',
          options: { label: '1 minute after notBefore' },
        },
      },
    );
    connections[last] = { main: [to('New case?')] };
    connections['New case?'] = { main: [to('Relative Delay'), []] };
    last = 'Relative Delay';
  }
  if (options.withActions) {
    nodes.push({
      name: 'Assign Stage',
      type: 'n8n-nodes-caseflow.assignStage',
      typeVersion: 1,
      position: at(),
      credentials,
      parameters: { stageKey: 'review', owner: 'queue', ownerQueue: REVIEWERS, slaMinutes: 0, note: 'Ready for review' },
    });
    connections[last] = { main: [to('Assign Stage')] };
    last = 'Assign Stage';
  }
  nodes.push({
    name: 'Await Decision',
    type: 'n8n-nodes-caseflow.awaitDecision',
    typeVersion: 1,
    position: at(),
    credentials,
    webhookId: webhookId(),
    parameters: {
      queue: REVIEWERS,
      title: '=Review request {{ $json.caseflow.entity.externalId }}',
      instructions: 'Approve or reject.',
      decisionSource: 'define',
      decisions: {
        values: [
          { key: 'approve', label: 'Approve', commentRequired: false },
          { key: 'reject', label: 'Reject', commentRequired: false },
        ],
      },
      due: 'none',
      priority: 2,
      outputMode: options.outputMode,
      options: {},
    },
  });
  connections[last] = { main: [to('Await Decision')] };

  const approve = options.withActions ? 'Send Templated Message' : 'Approved';
  const reject = options.withActions ? 'Escalate' : 'Rejected';
  if (options.outputMode === 'single') {
    nodes.push({ name: 'Decided', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: at(), parameters: {} });
    connections['Await Decision'] = { main: [to('Decided')] };
  } else {
    nodes.push(
      options.withActions
        ? {
            name: approve,
            type: 'n8n-nodes-caseflow.sendTemplatedMessage',
            typeVersion: 1,
            position: at(),
            credentials,
            parameters: {
              source: 'inline',
              subject: '=Your request {{ $json.caseflow.entity.externalId }} is approved',
              text: '=Hello {{ $json.caseflow.entity.name }}, {{ $json.decidedBy?.name ?? "a reviewer" }} approved it.',
              toEntity: true,
              toManager: false,
              recipients: {},
              data: '{}',
              attachments: '',
            },
          }
        : { name: approve, type: 'n8n-nodes-base.noOp', typeVersion: 1, position: at(), parameters: {} },
      options.withActions
        ? {
            name: reject,
            type: 'n8n-nodes-caseflow.escalate',
            typeVersion: 1,
            position: at(),
            credentials,
            parameters: {
              target: 'instance',
              reassignTo: 'queue',
              toQueue: SUPERVISORS,
              priority: 3,
              reason: '=Rejected by the reviewer: {{ $json.comment ?? "no comment" }}',
            },
          }
        : { name: reject, type: 'n8n-nodes-base.noOp', typeVersion: 1, position: at(), parameters: {} },
    );
    // Output 0 is "Timed Out", then one per decision in order.
    connections['Await Decision'] = { main: [[], to(approve), to(reject)] };
  }
  return { name: `Caseflow e2e ${options.path}`, nodes, connections };
}

/** The execution whose Launch Workflow node started (or found) this case and that matches `until`. */
export async function executionOfCase(
  api: N8nApi,
  workflowId: string,
  instanceId: string,
  until: (execution: Execution) => boolean,
  timeoutMs = 90_000,
): Promise<Execution> {
  try {
    return await waitFor(`an execution of case ${instanceId}`, async () => {
      // Listed without data, then read one by one: n8n 1.123's list with includeData answers nothing here.
      const listed = await api.listExecutions({ workflowId });
      const executions = await Promise.all(listed.map((e) => api.getExecution(e.id, { includeData: true })));
      return executions.find((execution) => {
        const launched = execution.data?.resultData.runData['Launch Workflow']?.[0]?.data?.main?.[0]?.[0]?.json;
        const caseflow = launched?.caseflow as { instanceId?: string; created?: boolean } | undefined;
        return caseflow?.instanceId === instanceId && caseflow.created !== false && until(execution);
      });
    }, timeoutMs, 500);
  } catch (error) {
    // Say what n8n has instead: status, last node and error of each execution of the workflow.
    const listed = await api.listExecutions({ workflowId }).catch((e: Error) => [] as Execution[]);
    const seen = (await Promise.all(listed.map((e) => api.getExecution(e.id, { includeData: true })))).map((e) => ({
      id: e.id,
      status: e.status,
      ran: nodesRun(e),
      last: e.data?.resultData.lastNodeExecuted,
      error: e.data?.resultData.error?.message,
    }));
    throw new Error(`${(error as Error).message}; executions: ${JSON.stringify(seen)}`);
  }
}

/** Names of the nodes that ran in an execution (fetched with includeData). */
export const nodesRun = (execution: Execution): string[] => Object.keys(execution.data?.resultData.runData ?? {});

/** The first item a node's last run put on output `index`. */
export function outputOf(execution: Execution, node: string, index = 0): Record<string, unknown> | undefined {
  const runs = execution.data?.resultData.runData[node] ?? [];
  return runs[runs.length - 1]?.data?.main?.[index]?.[0]?.json as Record<string, unknown> | undefined;
}

/** A resume call signed with a secret that is not the credential's: n8n must refuse it. */
export async function forgedResume(resumeUrl: string, body: Record<string, unknown>): Promise<{ status: number; text: string }> {
  const { createHmac } = await import('node:crypto');
  const raw = JSON.stringify(body);
  const timestamp = String(Date.now());
  const signature = `sha256=${createHmac('sha256', 'not-the-signing-secret').update(`${timestamp}.${raw}`).digest('hex')}`;
  const response = await fetch(resumeUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-caseflow-signature': signature, 'x-caseflow-timestamp': timestamp },
    body: raw,
  });
  return { status: response.status, text: await response.text() };
}
