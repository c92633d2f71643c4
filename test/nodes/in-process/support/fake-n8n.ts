import { randomUUID } from 'crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'http';
import type { AddressInfo } from 'net';
import type {
	IConnections,
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestOptions,
	INode,
	INodeExecutionData,
	INodeType,
	IRun,
	IRunExecutionData,
	IWebhookData,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { Expression, Workflow } from 'n8n-workflow';
import { ExecutionLifecycleHooks, HookContext, WebhookContext, WorkflowExecute } from 'n8n-core';
import { CaseflowApi } from '../../../../credentials/CaseflowApi.credentials';
import { AssignStage } from '../../../../nodes/AssignStage/AssignStage.node';
import { AwaitDecision } from '../../../../nodes/AwaitDecision/AwaitDecision.node';
import { Caseflow } from '../../../../nodes/Caseflow/Caseflow.node';
import { CaseflowTrigger } from '../../../../nodes/CaseflowTrigger/CaseflowTrigger.node';
import { Escalate } from '../../../../nodes/Escalate/Escalate.node';
import { LaunchWorkflow } from '../../../../nodes/LaunchWorkflow/LaunchWorkflow.node';
import { RelativeDelay } from '../../../../nodes/RelativeDelay/RelativeDelay.node';
import { SendTemplatedMessage } from '../../../../nodes/SendTemplatedMessage/SendTemplatedMessage.node';
import { CollectNode, StartNode } from './test-nodes';

const PACKAGE = 'n8n-nodes-caseflow';

const NODE_TYPES: Record<string, INodeType> = {
	start: new StartNode(),
	collect: new CollectNode(),
	[`${PACKAGE}.launchWorkflow`]: new LaunchWorkflow(),
	[`${PACKAGE}.assignStage`]: new AssignStage(),
	[`${PACKAGE}.awaitDecision`]: new AwaitDecision(),
	[`${PACKAGE}.relativeDelay`]: new RelativeDelay(),
	[`${PACKAGE}.sendTemplatedMessage`]: new SendTemplatedMessage(),
	[`${PACKAGE}.escalate`]: new Escalate(),
	[`${PACKAGE}.caseflow`]: new Caseflow(),
	[`${PACKAGE}.caseflowTrigger`]: new CaseflowTrigger(),
};

export interface NodeSpec {
	name: string;
	/** "start", "collect", or a Caseflow node's name such as "awaitDecision". */
	type: string;
	parameters?: IDataObject;
	/** The node's version; 1 unless given (Launch Workflow has 2). */
	typeVersion?: number;
	/** Node settings such as continueOnFail, onError or executeOnce. */
	settings?: Partial<INode>;
}

export interface WorkflowSpec {
	nodes: NodeSpec[];
	/** [from, to] or [from, to, outputIndex]. */
	connections: Array<[string, string] | [string, string, number]>;
}

interface StoredExecution {
	spec: WorkflowSpec;
	/** Serialised like n8n's database copy: every resume starts from a fresh parse. */
	data: string;
	status: IRun['status'] | 'running';
}

export interface DeliveryResponse {
	status: number;
	body: string;
}

const nodeTypes = {
	getByName: (type: string) => NODE_TYPES[type],
	getByNameAndVersion: (type: string) => NODE_TYPES[type],
	getKnownTypes: () => ({}),
};

function typeName(type: string): string {
	return type === 'start' || type === 'collect' ? type : `${PACKAGE}.${type}`;
}

function readBody(request: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => resolve(Buffer.concat(chunks)));
		request.on('error', reject);
	});
}

/**
 * n8n's engine (n8n-core's WorkflowExecute, the real one) with a stand-in for the parts of the n8n
 * server the Caseflow nodes meet: credentials, and the waiting-webhook endpoint that resumes a paused
 * execution the way n8n's WaitingWebhooks does (check the resume token, run the node's webhook(), then
 * continue with the node disabled and its webhook output as its data, forwarding every output as
 * n8n >= 2.39 does, or only the first as older n8n does).
 */
export class FakeN8n {
	readonly executions = new Map<string, StoredExecution>();
	/** n8n before 2.39 continued a resumed node's first output only. */
	forwardAllOutputs = true;
	private readonly continuing = new Map<string, Promise<unknown>>();
	/** The active Caseflow Trigger's parameters, and what its webhook() returned for each call. */
	trigger: { parameters: IDataObject; results: Array<{ status: number; workflowData?: INodeExecutionData[][] }> } | undefined;
	private server!: Server;
	private baseUrl = '';

	constructor(private readonly credentials: ICredentialDataDecryptedObject) {}

	async start(): Promise<void> {
		this.server = createServer((request, response) => {
			this.handle(request, response).catch((error: Error) => {
				response.writeHead(500, { 'content-type': 'application/json' });
				response.end(JSON.stringify({ message: error.message }));
			});
		});
		await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
		this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
	}

	async stop(): Promise<void> {
		await new Promise((resolve) => this.server.close(resolve));
	}

	get webhookWaitingBaseUrl(): string {
		return `${this.baseUrl}/webhook-waiting`;
	}

	private workflow(spec: WorkflowSpec): Workflow {
		const nodes: INode[] = spec.nodes.map((node, index) => ({
			id: `node-${index}`,
			name: node.name,
			type: typeName(node.type),
			typeVersion: node.typeVersion ?? 1,
			position: [index * 200, 0],
			parameters: (node.parameters ?? {}) as INode['parameters'],
			credentials: node.type === 'start' || node.type === 'collect' ? undefined : { caseflowApi: { id: 'cred-1', name: 'Caseflow' } },
			// n8n gives every webhook node an id, which makes its production URL <base>/webhook/<id>/<path>.
			...(node.type === 'caseflowTrigger' ? { webhookId: 'caseflow-trigger' } : {}),
			...node.settings,
		}));
		const connections: IConnections = {};
		for (const [from, to, output = 0] of spec.connections) {
			const main = (connections[from] ??= { main: [] }).main;
			while (main.length <= output) main.push([]);
			main[output]!.push({ node: to, type: 'main', index: 0 });
		}
		return new Workflow({
			id: 'wf-1',
			name: 'Caseflow in-process test',
			nodes,
			connections,
			active: false,
			nodeTypes,
			staticData: {},
			settings: { executionOrder: 'v1', timezone: 'Europe/London' },
		});
	}

	private additionalData(executionId: string, extra: Partial<IWorkflowExecuteAdditionalData> = {}): IWorkflowExecuteAdditionalData {
		const credentials = this.credentials;
		const caseflowApi = new CaseflowApi();
		const credentialsHelper = {
			getParentTypes: () => [],
			preAuthentication: async () => undefined,
			getDecrypted: async () => ({ ...credentials }),
			getCredentialsProperties: () => caseflowApi.properties,
			isCredentialUsableByNode: () => true,
			// What n8n does for a credential with a generic `authenticate`: resolve its expressions and add them.
			authenticate: async (decrypted: ICredentialDataDecryptedObject, _type: string, options: IHttpRequestOptions) => {
				const headers: IDataObject = { ...(options.headers ?? {}) };
				for (const [name, value] of Object.entries(caseflowApi.authenticate.properties.headers ?? {})) {
					headers[name] = Expression.resolveWithoutWorkflow(String(value).replace(/^=/, ''), { $credentials: decrypted });
				}
				return { ...options, headers };
			},
		};
		return {
			hooks: new ExecutionLifecycleHooks('webhook', executionId, {
				id: 'wf-1',
				name: 'Caseflow in-process test',
				nodes: [],
				connections: {},
				active: false,
				settings: {},
			} as never),
			executionId,
			webhookWaitingBaseUrl: this.webhookWaitingBaseUrl,
			formWaitingBaseUrl: `${this.baseUrl}/form-waiting`,
			webhookBaseUrl: `${this.baseUrl}/webhook`,
			webhookTestBaseUrl: `${this.baseUrl}/webhook-test`,
			restApiUrl: `${this.baseUrl}/rest`,
			instanceBaseUrl: this.baseUrl,
			variables: {},
			userId: 'user-1',
			credentialsHelper,
			...extra,
		} as unknown as IWorkflowExecuteAdditionalData;
	}

	private store(executionId: string, spec: WorkflowSpec, run: IRun): IRun {
		this.executions.set(executionId, { spec, data: JSON.stringify(run.data), status: run.status });
		return run;
	}

	/** Runs a workflow from its Start node until it finishes or pauses. */
	async run(spec: WorkflowSpec): Promise<{ executionId: string; run: IRun }> {
		const executionId = randomUUID();
		const workflow = this.workflow(spec);
		const start = spec.nodes.find((node) => node.type === 'start')!;
		this.executions.set(executionId, { spec, data: '{}', status: 'running' });
		const run = await new WorkflowExecute(this.additionalData(executionId), 'webhook').run({
			workflow,
			startNode: workflow.getNode(start.name)!,
		});
		return { executionId, run: this.store(executionId, spec, run) };
	}

	/** What n8n's wait tracker does once waitTill has passed: start the execution again, nothing delivered. */
	async expireWait(executionId: string): Promise<IRun> {
		const stored = this.executions.get(executionId)!;
		const data = JSON.parse(stored.data) as IRunExecutionData;
		if (!data.waitTill) throw new Error('the execution is not waiting');
		const run = await new WorkflowExecute(this.additionalData(executionId), 'webhook', data).processRunExecutionData(
			this.workflow(stored.spec),
		);
		return this.store(executionId, stored.spec, run);
	}

	latest(executionId: string): { status: StoredExecution['status']; data: IRunExecutionData } {
		const stored = this.executions.get(executionId)!;
		return { status: stored.status, data: JSON.parse(stored.data) as IRunExecutionData };
	}

	/** POST <webhookWaitingBaseUrl>/<executionId>?signature=<token>, as the backend's outbox does. */
	private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
		const url = new URL(request.url ?? '/', this.baseUrl);
		const match = /^\/webhook-waiting\/([^/]+)$/.exec(url.pathname);
		const rawBody = await readBody(request);
		const reply = (status: number, body: object) => {
			response.writeHead(status, { 'content-type': 'application/json' });
			response.end(JSON.stringify(body));
		};
		if (url.pathname.startsWith('/webhook/') && this.trigger) return await this.handleTrigger(request, rawBody, response);
		if (!match || request.method !== 'POST') return reply(404, { message: 'not found' });
		const executionId = match[1]!;
		const stored = this.executions.get(executionId);
		if (!stored) return reply(404, { message: `The execution "${executionId}" does not exist.` });
		if (stored.status === 'running') return reply(409, { message: `The execution "${executionId}" is running already.` });
		const data = JSON.parse(stored.data) as IRunExecutionData;
		if (!data.waitTill) return reply(409, { message: `The execution "${executionId}" has finished already.` });
		if (!data.resumeToken || url.searchParams.get('signature') !== data.resumeToken) return reply(401, { error: 'Invalid token' });

		const workflow = this.workflow(stored.spec);
		const nodeName = data.resultData.lastNodeExecuted!;
		const node = workflow.getNode(nodeName)!;
		const nodeType = NODE_TYPES[node.type]!;
		const webhookDescription = nodeType.description.webhooks!.find((webhook) => webhook.restartWebhook)!;
		const headers = request.headers;
		const body = rawBody.length > 0 && String(headers['content-type']).startsWith('application/json') ? JSON.parse(rawBody.toString('utf8')) : {};
		const expressRequest = { method: 'POST', url: request.url, headers, body, rawBody, query: Object.fromEntries(url.searchParams), params: {} };
		let answered = false;
		const expressResponse = {
			writeHead: (status: number, head?: Record<string, string>) => {
				answered = true;
				response.writeHead(status, head);
			},
			end: (text?: string) => response.end(text),
		};
		const additionalData = this.additionalData(executionId, { httpRequest: expressRequest, httpResponse: expressResponse } as never);
		const webhookData: IWebhookData = {
			httpMethod: 'POST',
			node: nodeName,
			path: '',
			webhookDescription,
			workflowId: workflow.id,
			workflowExecuteAdditionalData: additionalData,
		};
		const context = new WebhookContext(workflow, node, additionalData, 'webhook', webhookData, [], data);
		const result = await nodeType.webhook!.call(context);
		if (!result.workflowData) {
			if (!answered) reply(200, { message: 'Webhook call received' });
			return;
		}
		reply(200, { message: 'Workflow was started' });

		// What n8n does before continuing: drop the waiting run, disable the node so it does not wait
		// again, and hand it the webhook's output as its data.
		data.resultData.runData[nodeName]!.pop();
		const resuming = data.executionData!.nodeExecutionStack[0]!;
		resuming.node.disabled = true;
		data.waitTill = undefined;
		resuming.data.main = result.workflowData as INodeExecutionData[][];
		if (this.forwardAllOutputs) resuming.metadata = { ...resuming.metadata, forwardAllOutputs: true };
		stored.status = 'running';
		const continued = new WorkflowExecute(this.additionalData(executionId), 'webhook', data)
			.processRunExecutionData(workflow)
			.then((run) => this.store(executionId, stored.spec, run));
		this.continuing.set(executionId, continued);
		await continued;
	}

	/** A production webhook call for the Caseflow Trigger: its webhook() decides whether a workflow starts. */
	private async handleTrigger(request: IncomingMessage, rawBody: Buffer, response: ServerResponse): Promise<void> {
		const spec: WorkflowSpec = { nodes: [{ name: 'Caseflow Trigger', type: 'caseflowTrigger', parameters: this.trigger!.parameters }], connections: [] };
		const workflow = this.workflow(spec);
		const node = workflow.getNode('Caseflow Trigger')!;
		const nodeType = NODE_TYPES[node.type]!;
		let status = 200;
		const expressResponse = {
			writeHead: (code: number, head?: Record<string, string>) => {
				status = code;
				response.writeHead(code, head);
			},
			end: (text?: string) => response.end(text),
		};
		const body = rawBody.length > 0 ? JSON.parse(rawBody.toString('utf8')) : {};
		const expressRequest = { method: 'POST', url: request.url, headers: request.headers, body, rawBody, query: {}, params: {} };
		const additionalData = this.additionalData(randomUUID(), { httpRequest: expressRequest, httpResponse: expressResponse } as never);
		const webhookData: IWebhookData = {
			httpMethod: 'POST',
			node: node.name,
			path: 'webhook',
			webhookDescription: nodeType.description.webhooks![0]!,
			workflowId: workflow.id,
			workflowExecuteAdditionalData: additionalData,
		};
		const result = await nodeType.webhook!.call(new WebhookContext(workflow, node, additionalData, 'webhook', webhookData, [], null));
		this.trigger!.results.push({ status, workflowData: result.workflowData });
		if (!result.noWebhookResponse) {
			response.writeHead(200, { 'content-type': 'application/json' });
			response.end(JSON.stringify({ message: 'Workflow was started' }));
		}
	}

	/** Runs a Caseflow Trigger lifecycle method (activation and deactivation) as n8n does. */
	async triggerLifecycle(method: 'checkExists' | 'create' | 'delete', parameters: IDataObject, staticData: IDataObject): Promise<boolean> {
		const spec: WorkflowSpec = { nodes: [{ name: 'Caseflow Trigger', type: 'caseflowTrigger', parameters }], connections: [] };
		const workflow = this.workflow(spec);
		workflow.staticData = { 'node:Caseflow Trigger': staticData } as never;
		const node = workflow.getNode('Caseflow Trigger')!;
		const nodeType = NODE_TYPES[node.type] as INodeType & { webhookMethods: { default: Record<string, (this: unknown) => Promise<boolean>> } };
		const additionalData = this.additionalData(randomUUID());
		const webhookData: IWebhookData = {
			httpMethod: 'POST',
			node: node.name,
			path: 'webhook',
			webhookDescription: nodeType.description.webhooks![0]!,
			workflowId: workflow.id,
			workflowExecuteAdditionalData: additionalData,
		};
		const context = new HookContext(workflow, node, additionalData, 'trigger', 'activate', webhookData);
		return await nodeType.webhookMethods.default[method]!.call(context);
	}

	/** Where n8n would receive the trigger's calls. */
	get triggerUrl(): string {
		return `${this.baseUrl}/webhook/caseflow-trigger/webhook`;
	}

	/** Resolves once a resumed execution has run on to its end or its next wait. */
	async settled(executionId: string): Promise<{ status: StoredExecution['status']; data: IRunExecutionData }> {
		await this.continuing.get(executionId);
		return this.latest(executionId);
	}

	/** Sends a request to the waiting-webhook endpoint (for calls the backend cannot make yet). */
	async post(url: string, headers: Record<string, string>, rawBody: string): Promise<DeliveryResponse> {
		const response = await fetch(url, { method: 'POST', headers, body: rawBody });
		return { status: response.status, body: await response.text() };
	}
}

/** The items that reached a node in the latest run of an execution (all its outputs, flattened). */
export function itemsAt(data: IRunExecutionData, nodeName: string): IDataObject[] {
	const runs = data.resultData.runData[nodeName] ?? [];
	return runs.flatMap((run) => (run.data?.main ?? []).flatMap((items) => (items ?? []).map((item) => item.json)));
}
