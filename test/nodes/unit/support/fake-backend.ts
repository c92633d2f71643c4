import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

export interface RecordedCall {
	method: string;
	path: string;
	body: IDataObject | undefined;
	qs: IDataObject | undefined;
	headers: IDataObject | undefined;
	/** The X-API-Key header the call carried (taken out of `headers`). */
	apiKey: string | undefined;
}

/** `{ status: 201, body }`, or just the body for a 200. */
type Reply = { status?: number; body?: unknown } | unknown;
type Handler = (call: RecordedCall) => Reply | Promise<Reply>;

export const BASE_URL = 'http://caseflow.test';

/**
 * Stands in for the backend behind n8n's `httpRequest` helper: routes by method and path under
 * /api/v1, records every call, and fails like the helper does (axios's error, whose response carries
 * the backend's JSON body, or a network error with its code).
 */
export class FakeBackend {
	readonly calls: RecordedCall[] = [];
	private readonly routes: Array<{ method: string; path: string | RegExp; handler: Handler }> = [];
	private networkError: string | undefined;
	/** Failures for the next calls, one each, before the routes answer (see failNext). */
	private readonly pending: Array<{ code?: string; status?: number; applied: boolean }> = [];

	on(method: string, path: string | RegExp, handler: Handler | Reply): this {
		const fn: Handler = typeof handler === 'function' ? (handler as Handler) : () => handler;
		this.routes.unshift({ method, path, handler: fn });
		return this;
	}

	failWithNetworkError(code: string): this {
		this.networkError = code;
		return this;
	}

	/**
	 * The next calls fail, one per entry: a network error code (the call never reached the backend), or
	 * `{ status, applied: true }` — the backend did the work, then the connection broke and a load
	 * balancer answered `status` (the route's handler runs, its answer is lost).
	 */
	failNext(...failures: Array<string | { status: number; applied?: boolean }>): this {
		for (const failure of failures) {
			this.pending.push(typeof failure === 'string' ? { code: failure, applied: false } : { status: failure.status, applied: failure.applied ?? false });
		}
		return this;
	}

	callsTo(method: string, path: string | RegExp): RecordedCall[] {
		return this.calls.filter(
			(call) => call.method === method && (typeof path === 'string' ? call.path === path : path.test(call.path)),
		);
	}

	request = async (options: IHttpRequestOptions): Promise<unknown> => {
		const url = new URL(options.url);
		const prefix = '/api/v1';
		if (`${url.origin}` !== BASE_URL || !url.pathname.startsWith(prefix)) {
			throw new Error(`unexpected URL ${options.url}`);
		}
		const { 'X-API-Key': apiKey, ...headers } = (options.headers ?? {}) as IDataObject;
		const call: RecordedCall = {
			method: options.method ?? 'GET',
			path: url.pathname.slice(prefix.length),
			body: options.body as IDataObject | undefined,
			qs: options.qs as IDataObject | undefined,
			headers,
			apiKey: apiKey as string | undefined,
		};
		this.calls.push(call);
		const failure = this.pending.shift();
		const code = failure?.code ?? this.networkError;
		if (code) throw Object.assign(new Error(`connect ${code} 127.0.0.1:9`), { code });
		const route = this.routes.find(
			(candidate) =>
				candidate.method === call.method &&
				(typeof candidate.path === 'string' ? candidate.path === call.path : candidate.path.test(call.path)),
		);
		if (failure?.status !== undefined) {
			if (failure.applied && route) await route.handler(call);
			throw Object.assign(new Error(`Request failed with status code ${failure.status}`), { response: { status: failure.status, data: { error: 'upstream gone' } } });
		}
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
			throw httpError;
		}
		return options.returnFullResponse ? { statusCode, body, headers: {} } : body;
	};
}
