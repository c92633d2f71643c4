/** The shapes of n8n's public API that the harness reads and writes (a subset of n8n's own). */

export interface WorkflowNode {
  readonly id?: string;
  readonly name: string;
  readonly type: string;
  readonly typeVersion: number;
  readonly position: readonly [number, number];
  readonly parameters: Readonly<Record<string, unknown>>;
  readonly credentials?: Readonly<Record<string, { readonly id: string; readonly name: string }>>;
  /** Webhook-type nodes: fixes the path segment of their test and waiting URLs. */
  readonly webhookId?: string;
  readonly disabled?: boolean;
  /** n8n's "On Error" setting; 'continueErrorOutput' adds an error output to the node. */
  readonly onError?: 'stopWorkflow' | 'continueRegularOutput' | 'continueErrorOutput';
}

export interface Connection {
  readonly node: string;
  readonly type: string;
  readonly index: number;
}

/** Source node name → output type ('main') → one list of targets per output index. */
export type WorkflowConnections = Readonly<Record<string, Readonly<Record<string, ReadonlyArray<readonly Connection[] | null>>>>>;

export interface WorkflowInput {
  readonly name: string;
  readonly nodes: readonly WorkflowNode[];
  readonly connections: WorkflowConnections;
  readonly settings?: Readonly<Record<string, unknown>>;
}

export interface Workflow extends WorkflowInput {
  readonly id: string;
  readonly active: boolean;
}

export type ExecutionStatus = 'new' | 'running' | 'waiting' | 'success' | 'error' | 'canceled' | 'crashed' | 'unknown';

export interface NodeRun {
  readonly executionStatus?: string;
  readonly data?: { readonly main?: ReadonlyArray<ReadonlyArray<{ readonly json: Readonly<Record<string, unknown>> }> | null> };
  readonly error?: { readonly message: string };
}

export interface ExecutionData {
  readonly resultData: {
    readonly runData: Readonly<Record<string, readonly NodeRun[]>>;
    readonly lastNodeExecuted?: string;
    readonly error?: { readonly message: string };
  };
}

export interface Execution {
  readonly id: string;
  readonly workflowId: string;
  readonly status: ExecutionStatus;
  readonly finished: boolean;
  readonly mode: string;
  readonly startedAt: string | null;
  readonly stoppedAt: string | null;
  readonly waitTill: string | null;
  /** Present only when asked for with includeData. */
  readonly data?: ExecutionData;
}

export interface CredentialInput {
  readonly name: string;
  readonly type: string;
  readonly data: Readonly<Record<string, unknown>>;
}

export interface Credential {
  readonly id: string;
  readonly name: string;
  readonly type: string;
}
