import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	INode,
	IWebhookFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, sleep } from 'n8n-workflow';

export const CREDENTIAL_TYPE = 'caseflowApi';
/** The header the credential's `authenticate` block names (credentials/CaseflowApi.credentials.ts). */
export const API_KEY_HEADER = 'X-API-Key';

export type CaseflowFunctions =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IHookFunctions
	| IWebhookFunctions;

export interface CaseflowRequest {
	method: IHttpRequestMethods;
	/** Path under /api/v1, starting with a slash. */
	path: string;
	body?: IDataObject;
	qs?: IDataObject;
	/**
	 * Send it again when it may not have arrived or its answer was lost (see TRANSIENT): true for
	 * calls that change nothing twice — GETs (the default for them), and registrations and takes that
	 * carry their own key. Never for a launch: its repeat is answered "Existing Case".
	 */
	retry?: boolean;
}

/** The pauses before each new try of a retried call; then the failure stands. */
const RETRY_DELAYS_MS = [200, 500, 1000];

/** People paste the backend's address with or without a trailing slash or the /api/v1 suffix. */
export function apiBaseUrl(baseUrl: unknown): string {
	const trimmed = String(baseUrl ?? '')
		.trim()
		.replace(/\/+$/, '');
	return `${trimmed.replace(/\/api\/v1$/, '')}/api/v1`;
}

/**
 * Which n8n execution makes the call: the backend links it to the case it acts on, follows it
 * through n8n's API and marks the case when the execution fails. Editor-only contexts (listing
 * options, testing a credential) have no execution.
 */
function executionHeaders(this: CaseflowFunctions): Record<string, string> {
	const headers: Record<string, string> = {};
	try {
		const executionId = this.getExecutionId();
		if (executionId) headers['x-caseflow-n8n-execution'] = String(executionId);
		const workflowId = this.getWorkflow().id;
		if (workflowId) headers['x-caseflow-n8n-workflow'] = String(workflowId);
	} catch {
		// No execution in this context.
	}
	return headers;
}

const decrypted = new WeakMap<object, Promise<ICredentialDataDecryptedObject>>();

/**
 * The node's Caseflow credential, decrypted once per node run (n8n's context object is per run): n8n
 * decrypts it on every getCredentials call (in a resume's webhook, after reading it from its database),
 * several milliseconds of its CPU each, and a resume makes more than one call.
 */
export function caseflowCredentials(this: CaseflowFunctions): Promise<ICredentialDataDecryptedObject> {
	let credentials = decrypted.get(this);
	if (!credentials) {
		credentials = this.getCredentials(CREDENTIAL_TYPE);
		decrypted.set(this, credentials);
		credentials.catch(() => decrypted.delete(this));
	}
	return credentials;
}

async function send(
	this: CaseflowFunctions,
	request: CaseflowRequest,
	returnFullResponse: boolean,
	bytes = false,
): Promise<unknown> {
	const credentials = await caseflowCredentials.call(this);
	const url = `${apiBaseUrl(credentials.baseUrl)}${request.path}`;
	const options: IHttpRequestOptions = {
		method: request.method,
		url,
		json: !bytes,
		returnFullResponse,
		// The credential's API key, as its `authenticate` block sends it.
		headers: { ...executionHeaders.call(this), [API_KEY_HEADER]: String(credentials.apiKey ?? '') },
	};
	if (bytes) options.encoding = 'arraybuffer';
	if (request.body !== undefined) options.body = request.body;
	if (request.qs !== undefined) options.qs = request.qs;
	const retry = request.retry ?? request.method === 'GET';
	for (let attempt = 0; ; attempt++) {
		try {
			// n8n's httpRequestWithAuthentication would apply the credential's `authenticate` block, whose
			// `={{$credentials.apiKey}}` n8n 2.x resolves in an expression isolate (with a throw-away
			// workflow) on every call: milliseconds of n8n's CPU a call, three calls a case cycle. The key is
			// already decrypted here, so the header is set directly and the plain helper sends it.
			return await this.helpers.httpRequest(options);
		} catch (error) {
			const reason = retry ? transientReason(error) : undefined;
			const pause = reason === undefined ? undefined : RETRY_DELAYS_MS[attempt];
			if (pause === undefined) throw toCaseflowApiError(this.getNode(), error, url);
			this.logger?.warn(`Caseflow: ${request.method} ${request.path} failed (${reason}); trying again in ${pause} ms`);
			await sleep(pause);
		}
	}
}

/** Every call to the Caseflow backend goes through here: credential, base URL and error messages in one place. */
export async function caseflowRequest<T>(this: CaseflowFunctions, request: CaseflowRequest): Promise<T> {
	return (await send.call(this, request, false)) as T;
}

/** The bytes of a file the backend serves (a case document); failures read like caseflowRequest's. */
export async function caseflowDownload(this: CaseflowFunctions, path: string): Promise<Buffer> {
	const body = await send.call(this, { method: 'GET', path }, false, true);
	if (Buffer.isBuffer(body)) return body;
	return Buffer.from(body instanceof ArrayBuffer ? new Uint8Array(body) : String(body ?? ''));
}

/** Like caseflowRequest, for the few calls whose status code carries meaning (201 created vs 200 reused). */
export async function caseflowRequestWithStatus<T>(
	this: CaseflowFunctions,
	request: CaseflowRequest,
): Promise<{ statusCode: number; body: T }> {
	const response = (await send.call(this, request, true)) as { statusCode: number; body: T };
	return { statusCode: response.statusCode, body: response.body };
}

interface ErrorLike {
	httpCode?: string | null;
	statusCode?: number;
	code?: string;
	message?: string;
	context?: { data?: unknown };
	cause?: ErrorLike;
	response?: { status?: number; data?: unknown; body?: unknown };
}

interface BackendErrorBody {
	statusCode?: number;
	message?: string | string[];
	details?: Array<{ field: string; messages: string[] }>;
	correlationId?: string;
}

const NETWORK_FAILURES: Record<string, string> = {
	ECONNREFUSED: 'the connection was refused',
	ENOTFOUND: 'the host name does not resolve',
	EAI_AGAIN: 'the host name does not resolve',
	ETIMEDOUT: 'the connection timed out',
	ECONNRESET: 'the connection was closed',
	EHOSTUNREACH: 'the host is unreachable',
};

/**
 * Failures after which the call may be sent again: the backend could not be reached or the connection
 * broke (a replica stopped mid-call), or a load balancer or the backend said it could not serve it now.
 * transientReason names the failure when it is one of those, for the log; undefined otherwise.
 */
const TRANSIENT_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE']);
const TRANSIENT_STATUSES = new Set([502, 503, 504]);

function transientReason(error: unknown): string | undefined {
	const failure = (asObject(error) ?? {}) as ErrorLike;
	const status = findStatus(failure, findBackendBody(failure));
	if (status !== undefined) return TRANSIENT_STATUSES.has(status) ? `HTTP ${status}` : undefined;
	const code = [failure.code, failure.cause?.code].find((candidate) => candidate !== undefined && TRANSIENT_CODES.has(candidate));
	if (code) return code;
	return /socket hang up/i.test(failure.message ?? '') ? 'socket hang up' : undefined;
}

/** A download's error arrives as bytes (the request asked for an arraybuffer) that hold the backend's JSON. */
function decodeBytes(value: unknown): unknown {
	if (!Buffer.isBuffer(value) && !(value instanceof ArrayBuffer)) return value;
	try {
		return JSON.parse(Buffer.from(value instanceof ArrayBuffer ? new Uint8Array(value) : value).toString('utf8'));
	} catch {
		return undefined;
	}
}

function asObject(value: unknown): Record<string, unknown> | undefined {
	return typeof value === 'object' && value !== null && !Array.isArray(value)
		? (value as Record<string, unknown>)
		: undefined;
}

/** n8n wraps HTTP failures differently across versions; look for the backend's JSON body in each place. */
function findBackendBody(error: ErrorLike): BackendErrorBody | undefined {
	const candidates = [
		error.context?.data,
		error.cause?.response?.data,
		error.cause?.response?.body,
		error.response?.data,
		error.response?.body,
	];
	for (const candidate of candidates) {
		const body = asObject(decodeBytes(candidate));
		if (body && ('message' in body || 'statusCode' in body)) return body as BackendErrorBody;
	}
	return undefined;
}

function findStatus(error: ErrorLike, body: BackendErrorBody | undefined): number | undefined {
	const candidates = [
		body?.statusCode,
		error.response?.status,
		error.cause?.response?.status,
		error.httpCode ? Number(error.httpCode) : undefined,
		error.statusCode,
	];
	return candidates.find((status): status is number => typeof status === 'number' && status >= 100);
}

function findNetworkCode(error: ErrorLike): string | undefined {
	const codes = [error.code, error.cause?.code, error.cause?.cause?.code];
	const known = codes.find((code) => code !== undefined && code in NETWORK_FAILURES);
	if (known) return known;
	return Object.keys(NETWORK_FAILURES).find((code) => (error.message ?? '').includes(code));
}

const HINTS: Record<number, string> = {
	401: 'Check the API key in the Caseflow API credential: it must be a whole key as shown once when it was created (cf_…), not revoked.',
	403: 'The API key lacks a permission this call needs: give it the "automation" scope (Admin → API keys).',
	404: 'Nothing with that id or key exists in Caseflow: check the value, or the Base URL in the Caseflow API credential if every call fails.',
	409: 'The case or task is not in a state that allows this (see the message above).',
	413: 'The request is too large: send fewer or smaller attachments.',
};

/** Turns a failed call into a NodeApiError whose message is the backend's own (it says what to fix). */
export function toCaseflowApiError(node: INode, error: unknown, url: string): NodeApiError {
	const failure = (asObject(error) ?? {}) as ErrorLike;
	const body = findBackendBody(failure);
	const status = findStatus(failure, body);

	if (status === undefined) {
		const code = findNetworkCode(failure);
		const reason = code ? NETWORK_FAILURES[code] : (failure.message ?? 'no response');
		// 503 for the caller: a flow answering its webhook from the error output says "try again later".
		return new NodeApiError(node, { message: reason } as JsonObject, {
			message: `Could not reach the Caseflow backend at ${url}: ${reason}`,
			description:
				'Check the Base URL in the Caseflow API credential (the address of the Caseflow backend, e.g. http://localhost:3000) and that the backend is running.',
			httpCode: '503',
		});
	}

	const backendMessage = Array.isArray(body?.message) ? body?.message.join('; ') : body?.message;
	// The backend's message usually lists the field errors already; only add the ones it left out.
	const details = (body?.details ?? [])
		.map((detail) => `${detail.field}: ${detail.messages.join(', ')}`)
		.filter((line) => !(backendMessage ?? '').includes(line));
	const description = [...details, HINTS[status] ?? '', body?.correlationId ? `Correlation id: ${body.correlationId}` : '']
		.filter((line) => line !== '')
		.join('\n');
	const apiError = new NodeApiError(node, (body ?? { message: failure.message ?? '' }) as JsonObject, {
		message: backendMessage ?? `The Caseflow backend answered ${status} for ${url}`,
		description,
		httpCode: String(status),
	});
	// Kept for "continue on fail" items (errorJson): a flow can answer its caller field by field.
	if (body?.details?.length) apiError.context.fields = body.details;
	return apiError;
}
