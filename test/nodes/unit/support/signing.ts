import type { IDataObject } from 'n8n-workflow';
import { signBody } from '../../../../nodes/shared/signature';
import { CREDENTIALS } from './fake-context';

/** A request as the backend sends it: JSON body, timestamp in ms, HMAC over "<timestamp>.<body>". */
export function signedRequest(body: IDataObject, options: { secret?: string; timestamp?: number } = {}) {
	const rawBody = JSON.stringify(body);
	const timestamp = String(options.timestamp ?? Date.now());
	return {
		body,
		rawBody,
		headers: {
			'content-type': 'application/json',
			'x-caseflow-timestamp': timestamp,
			'x-caseflow-signature': signBody(options.secret ?? CREDENTIALS.signingSecret, timestamp, rawBody),
			'x-caseflow-idempotency-key': 'delivery-1',
		},
	};
}
