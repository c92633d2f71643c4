import { createHmac, timingSafeEqual } from 'crypto';

export const SIGNATURE_HEADER = 'x-caseflow-signature';
export const TIMESTAMP_HEADER = 'x-caseflow-timestamp';
export const IDEMPOTENCY_HEADER = 'x-caseflow-idempotency-key';

/** A signed call older than this is refused, so a captured one cannot be replayed later. */
export const MAX_AGE_MS = 5 * 60 * 1000;
/** Clocks of the backend and n8n hosts drift by a little; beyond this a timestamp is "from the future". */
export const CLOCK_SKEW_MS = 30 * 1000;

export interface SignedCall {
	secret: string;
	signature: string | undefined;
	/** Milliseconds since the epoch, as sent in x-caseflow-timestamp. */
	timestamp: string | undefined;
	rawBody: string;
	now?: number;
}

export type SignatureCheck = { valid: true } | { valid: false; reason: string };

export function signBody(secret: string, timestamp: string | number, rawBody: string): string {
	return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex')}`;
}

/** Checks x-caseflow-signature = sha256=HMAC-SHA256(secret, `${timestamp}.${rawBody}`) and the timestamp's age. */
export function verifySignature(call: SignedCall): SignatureCheck {
	if (!call.secret) {
		return {
			valid: false,
			reason: 'The Caseflow API credential has no Signing Secret; set it to the backend\'s CASEFLOW_SIGNING_SECRET',
		};
	}
	if (!call.signature || !call.timestamp) {
		return { valid: false, reason: `Missing ${SIGNATURE_HEADER} or ${TIMESTAMP_HEADER} header` };
	}
	if (!/^\d+$/.test(call.timestamp)) {
		return { valid: false, reason: `${TIMESTAMP_HEADER} must be milliseconds since the epoch` };
	}
	const now = call.now ?? Date.now();
	const age = now - Number(call.timestamp);
	if (age > MAX_AGE_MS) return { valid: false, reason: 'The signed timestamp is too old (replayed call?)' };
	if (age < -CLOCK_SKEW_MS) return { valid: false, reason: 'The signed timestamp is in the future' };

	const expected = Buffer.from(signBody(call.secret, call.timestamp, call.rawBody));
	const actual = Buffer.from(call.signature);
	if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
		return { valid: false, reason: 'The signature does not match the body' };
	}
	return { valid: true };
}
