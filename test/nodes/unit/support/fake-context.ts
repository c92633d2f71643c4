import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	INode,
	INodeExecutionData,
	IWebhookFunctions,
} from 'n8n-workflow';
import { BASE_URL, FakeBackend } from './fake-backend';

export const CREDENTIALS = { baseUrl: `${BASE_URL}/`, apiKey: 'cf_0123456789ab_secret', signingSecret: 'unit-signing-secret' };
export const RESUME_URL = 'http://n8n.test/webhook-waiting/exec-1?signature=token';
export const EXECUTION_ID = 'exec-1';
export const WORKFLOW = { id: 'wf-1', name: 'Test', active: true };

type Parameters = IDataObject | ((itemIndex: number) => IDataObject);

export interface FakeOptions {
	backend?: FakeBackend;
	parameters?: Parameters;
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
	nodeName?: string;
	/** The node's version (n8n's `typeVersion`); 1 unless a test says otherwise. */
	typeVersion?: number;
	credentials?: IDataObject;
	/**
	 * Webhook contexts: what `$input.first()` gives, i.e. the item that entered the waiting node as n8n
	 * kept it with the execution (`{ json, binary }`; in n8n's "combined" binary mode, only its json).
	 */
	waitingItem?: INodeExecutionData | IDataObject;
	/** Also put the parameters on the node, as n8n does (defaults filled in), for the nodes' own reading of defaults. */
	parametersOnNode?: boolean;
	/** Put the waiting item where n8n's resume context keeps it (connectionInputData) and refuse expressions. */
	waitingItemInContext?: boolean;
}

function nodeOf(name: string, typeVersion = 1): INode {
	return { id: 'node-1', name, type: 'n8n-nodes-caseflow.test', typeVersion, position: [0, 0], parameters: {} };
}

function parameterLookup(parameters: Parameters) {
	return (name: string, itemIndex: number, fallback?: unknown): unknown => {
		const values = typeof parameters === 'function' ? parameters(itemIndex) : parameters;
		const value = name in values ? values[name] : fallback;
		if (typeof value === 'string' && value.startsWith('={{')) throw new Error(`the fake evaluates no expressions (${name}: ${value})`);
		return value;
	};
}

const logger = { warn: jest.fn(), info: jest.fn(), debug: jest.fn(), error: jest.fn() };

function requestHelper(backend: FakeBackend) {
	return jest.fn(async (options: IHttpRequestOptions) => await backend.request(options));
}

export interface FakeExecute {
	context: IExecuteFunctions;
	backend: FakeBackend;
	waits: Date[];
}

/** The parts of n8n's execute context the nodes use, with a fake backend behind the credential. */
export function fakeExecute(options: FakeOptions = {}): FakeExecute {
	const backend = options.backend ?? new FakeBackend();
	const node = nodeOf(options.nodeName ?? 'Caseflow Node', options.typeVersion);
	if (options.parametersOnNode && typeof options.parameters === 'object') node.parameters = { ...options.parameters } as INode['parameters'];
	const items: INodeExecutionData[] = options.items ?? [{ json: {} }];
	const parameter = parameterLookup(options.parameters ?? {});
	const waits: Date[] = [];
	const context = {
		getNode: () => node,
		getInputData: () => items,
		getNodeParameter: (name: string, itemIndex: number, fallback?: unknown) => parameter(name, itemIndex, fallback),
		continueOnFail: () => options.continueOnFail === true,
		getCredentials: jest.fn(async () => options.credentials ?? CREDENTIALS),
		getExecutionId: () => EXECUTION_ID,
		getWorkflow: () => WORKFLOW,
		getTimezone: () => 'Europe/London',
		// The nodes read $execution through the data proxy, never through an expression (an isolate in n8n 2.x).
		getWorkflowDataProxy: () => ({ $execution: { resumeUrl: RESUME_URL } }),
		evaluateExpression: (expression: string) => {
			throw new Error(`unexpected expression ${expression}`);
		},
		putExecutionToWait: async (until: Date) => {
			waits.push(until);
		},
		logger,
		helpers: {
			httpRequest: requestHelper(backend),
			getBinaryDataBuffer: async (itemIndex: number, property: string) => {
				const binary = items[itemIndex].binary?.[property];
				if (!binary) throw new Error(`no binary ${property}`);
				return Buffer.from(binary.data, 'base64');
			},
		},
	};
	return { context: context as unknown as IExecuteFunctions, backend, waits };
}

export interface FakeRequest {
	headers?: Record<string, string>;
	body?: IDataObject;
	rawBody?: string;
}

export interface FakeWebhook {
	context: IWebhookFunctions;
	backend: FakeBackend;
	response: { status?: number; body?: string };
}

export function fakeWebhook(request: FakeRequest, options: FakeOptions = {}): FakeWebhook {
	const backend = options.backend ?? new FakeBackend();
	const node = nodeOf(options.nodeName ?? 'Caseflow Node', options.typeVersion);
	const parameter = parameterLookup(options.parameters ?? {});
	const response: FakeWebhook['response'] = {};
	const waitingItem = options.waitingItem ?? { json: {} };
	const body = request.body ?? {};
	const headers = request.headers ?? {};
	const context = {
		getNode: () => node,
		getNodeParameter: (name: string, fallback?: unknown) => parameter(name, 0, fallback),
		getCredentials: jest.fn(async () => options.credentials ?? CREDENTIALS),
		getExecutionId: () => EXECUTION_ID,
		getWorkflow: () => WORKFLOW,
		...(options.waitingItemInContext ? { connectionInputData: [waitingItem] } : {}),
		evaluateExpression: (expression: string) => {
			if (!options.waitingItemInContext && expression.replace(/\s/g, '') === '{{$input.first()}}') return waitingItem;
			throw new Error(`unexpected expression ${expression}`);
		},
		getBodyData: () => body,
		getHeaderData: () => headers,
		getRequestObject: () => ({
			headers,
			body,
			rawBody: request.rawBody === undefined ? undefined : Buffer.from(request.rawBody),
		}),
		getResponseObject: () => ({
			writeHead: (status: number) => {
				response.status = status;
			},
			end: (text: string) => {
				response.body = text;
			},
		}),
		logger,
		helpers: { httpRequest: requestHelper(backend) },
	};
	return { context: context as unknown as IWebhookFunctions, backend, response };
}

export interface FakeHook {
	context: IHookFunctions;
	backend: FakeBackend;
	staticData: IDataObject;
}

export function fakeHook(options: FakeOptions & { webhookUrl?: string; staticData?: IDataObject } = {}): FakeHook {
	const backend = options.backend ?? new FakeBackend();
	const node = nodeOf(options.nodeName ?? 'Caseflow Trigger', options.typeVersion);
	const parameter = parameterLookup(options.parameters ?? {});
	const staticData = options.staticData ?? {};
	const context = {
		getNode: () => node,
		getNodeParameter: (name: string, fallback?: unknown) => parameter(name, 0, fallback),
		getCredentials: jest.fn(async () => options.credentials ?? CREDENTIALS),
		getWorkflowStaticData: () => staticData,
		getNodeWebhookUrl: () => options.webhookUrl ?? 'http://n8n.test/webhook/abc/webhook',
		logger,
		helpers: { httpRequest: requestHelper(backend) },
	};
	return { context: context as unknown as IHookFunctions, backend, staticData };
}

export function fakeLoadOptions(currentParameters: IDataObject, backend = new FakeBackend()) {
	const node = nodeOf('Caseflow Node');
	const context = {
		getNode: () => node,
		getCurrentNodeParameter: (name: string) => {
			if (!(name in currentParameters)) throw new Error(`no parameter ${name}`);
			return currentParameters[name];
		},
		getCredentials: async () => CREDENTIALS,
		logger,
		helpers: { httpRequest: requestHelper(backend) },
	};
	return { context: context as unknown as ILoadOptionsFunctions, backend };
}
