import type { IDataObject, IHttpRequestOptions, INode } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

export interface RecordedCall {
	method: string;
	path: string;
	body: IDataObject | undefined;
	qs: IDataObject | undefined;
	headers: IDataObject | undefined;
	credentialType: string;
}

/** `{ status: 201, body }`, or just the body for a 200. */
type Reply = { status?: number; body?: unknown } | unknown;
type Handler = (call: RecordedCall) => Reply | Promise<Reply>;

export const BASE_URL = 'http://caseflow.test';

/**
 * Stands in for the backend behind `httpRequestWithAuthentication`: routes by method and path under
 * /api/v1, records every call, and fails like n8n does (a NodeApiError around an HTTP error whose
 * response carries the backend's JSON body).
 */
export class FakeBackend {
	readonly calls: RecordedCall[] = [];
	private readonly routes: Array<{ method: string; path: string | RegExp; handler: Handler }> = [];
	private networkError: string | undefined;

	on(method: string, path: string | RegExp, handler: Handler | Reply): this {
		const fn: Handler = typeof handler === 'function' ? (handler as Handler) : () => handler;
		this.routes.unshift({ method, path, handler: fn });
		return this;
	}

	failWithNetworkError(code: string): this {
		this.networkError = code;
		return this;
	}

	callsTo(method: string, path: string | RegExp): RecordedCall[] {
		return this.calls.filter(
			(call) => call.method === method && (typeof path === 'string' ? call.path === path : path.test(call.path)),
		);
	}

	request = async (node: INode, credentialType: string, options: IHttpRequestOptions): Promise<unknown> => {
		const url = new URL(options.url);
		const prefix = '/api/v1';
		if (`${url.origin}` !== BASE_URL || !url.pathname.startsWith(prefix)) {
			throw new Error(`unexpected URL ${options.url}`);
		}
		const call: RecordedCall = {
			method: options.method ?? 'GET',
			path: url.pathname.slice(prefix.length),
			body: options.body as IDataObject | undefined,
			qs: options.qs as IDataObject | undefined,
			headers: options.headers as IDataObject | undefined,
			credentialType,
		};
		this.calls.push(call);
		if (this.networkError) {
			const error = Object.assign(new Error(`connect ${this.networkError} 127.0.0.1:9`), { code: this.networkError });
			throw new NodeApiError(node, error as never);
		}
		const route = this.routes.find(
			(candidate) =>
				candidate.method === call.method &&
				(typeof candidate.path === 'string' ? candidate.path === call.path : candidate.path.test(call.path)),
		);
		const reply = route ? await route.handler(call) : { status: 404, body: { statusCode: 404, message: `No route ${call.method} ${call.path}` } };
		const { status, body } =
			reply && typeof reply === 'object' && typeof (reply as { status?: unknown }).status === 'number'
				? (reply as { status?: number; body?: unknown })
				: { status: 200, body: reply };
		const statusCode = status ?? 200;
		if (statusCode >= 400) {
			const httpError = Object.assign(new Error(`Request failed with status code ${statusCode}`), {
				response: { status: statusCode, data: body },
			});
			throw new NodeApiError(node, httpError as never);
		}
		return options.returnFullResponse ? { statusCode, body, headers: {} } : body;
	};
}
