import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { caseflowCredentials } from './transport';
import { IDEMPOTENCY_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, verifySignature } from './signature';

/** The parts of n8n's request object used here; n8n keeps the unparsed body for signature checks. */
interface RawBodyRequest {
	rawBody?: Buffer;
	readRawBody?: () => Promise<void>;
}

/** n8n hands nodes an Express response; only Node's own ServerResponse methods are needed. */
interface PlainResponse {
	writeHead(status: number, headers: Record<string, string>): unknown;
	end(body: string): unknown;
}

export type SignedCallResult =
	| { accepted: true; body: IDataObject; idempotencyKey: string | undefined }
	| { accepted: false; response: IWebhookResponseData };

function header(this: IWebhookFunctions, name: string): string | undefined {
	const value = this.getHeaderData()[name];
	return Array.isArray(value) ? value[0] : value;
}

async function rawBodyOf(this: IWebhookFunctions): Promise<string> {
	const request = this.getRequestObject() as unknown as RawBodyRequest;
	if (!request.rawBody && typeof request.readRawBody === 'function') await request.readRawBody();
	// Without the raw bytes, the parsed body re-serialised matches what the backend signed (JSON.stringify).
	return request.rawBody ? request.rawBody.toString('utf8') : JSON.stringify(this.getBodyData());
}

/**
 * Answers the caller directly and tells n8n not to run anything: a waiting execution stays waiting, a
 * trigger starts nothing. Throwing instead would fail the waiting execution.
 */
export function refuseCall(this: IWebhookFunctions, status: number, reason: string): IWebhookResponseData {
	return answerCall.call(this, status, { error: reason });
}

/** Answers the caller with `body` and runs nothing (see refuseCall). */
export function answerCall(this: IWebhookFunctions, status: number, body: IDataObject): IWebhookResponseData {
	const response = this.getResponseObject() as unknown as PlainResponse;
	response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
	response.end(JSON.stringify(body));
	return { noWebhookResponse: true };
}

/** Accepts only calls signed by the Caseflow backend with the credential's Signing Secret. */
export async function readSignedCall(this: IWebhookFunctions): Promise<SignedCallResult> {
	const credentials = await caseflowCredentials.call(this);
	const check = verifySignature({
		secret: String(credentials.signingSecret ?? ''),
		signature: header.call(this, SIGNATURE_HEADER),
		timestamp: header.call(this, TIMESTAMP_HEADER),
		rawBody: await rawBodyOf.call(this),
	});
	if (!check.valid) {
		this.logger.warn(`Caseflow: refused an unsigned or badly signed call to "${this.getNode().name}": ${check.reason}`);
		return { accepted: false, response: refuseCall.call(this, 401, check.reason) };
	}
	return {
		accepted: true,
		body: this.getBodyData(),
		idempotencyKey: header.call(this, IDEMPOTENCY_HEADER),
	};
}
