import { CLOCK_SKEW_MS, MAX_AGE_MS, signBody, verifySignature } from '../../../nodes/shared/signature';

const secret = 'shared-secret';
const now = Date.UTC(2026, 10, 2, 9, 0, 0);
const rawBody = JSON.stringify({ kind: 'decision', decision: 'approve' });

function call(overrides: Partial<Parameters<typeof verifySignature>[0]> = {}) {
	const timestamp = String(now);
	return { secret, timestamp, rawBody, signature: signBody(secret, timestamp, rawBody), now, ...overrides };
}

describe('verifySignature', () => {
	it('accepts a body signed with the secret over "<timestamp>.<body>"', () => {
		expect(verifySignature(call())).toEqual({ valid: true });
	});

	it('uses the documented format: sha256= and the hex HMAC-SHA256', () => {
		expect(signBody(secret, now, rawBody)).toMatch(/^sha256=[0-9a-f]{64}$/);
	});

	it('refuses a body changed after signing', () => {
		expect(verifySignature(call({ rawBody: rawBody.replace('approve', 'reject') }))).toMatchObject({ valid: false });
	});

	it('refuses a signature made with another secret', () => {
		const forged = signBody('guessed', String(now), rawBody);
		expect(verifySignature(call({ signature: forged }))).toEqual({ valid: false, reason: 'The signature does not match the body' });
	});

	it('refuses a signature that moves the timestamp', () => {
		const signature = signBody(secret, String(now), rawBody);
		expect(verifySignature(call({ signature, timestamp: String(now + 1) }))).toMatchObject({ valid: false });
	});

	it('refuses a call older than five minutes (replay)', () => {
		const timestamp = String(now - MAX_AGE_MS - 1);
		const result = verifySignature(call({ timestamp, signature: signBody(secret, timestamp, rawBody) }));
		expect(result).toEqual({ valid: false, reason: 'The signed timestamp is too old (replayed call?)' });
	});

	it('accepts a call just under five minutes old', () => {
		const timestamp = String(now - MAX_AGE_MS + 1000);
		expect(verifySignature(call({ timestamp, signature: signBody(secret, timestamp, rawBody) }))).toEqual({ valid: true });
	});

	it('refuses a timestamp from the future beyond clock skew', () => {
		const timestamp = String(now + CLOCK_SKEW_MS + 1);
		const result = verifySignature(call({ timestamp, signature: signBody(secret, timestamp, rawBody) }));
		expect(result).toEqual({ valid: false, reason: 'The signed timestamp is in the future' });
	});

	it('tolerates a few seconds of clock skew', () => {
		const timestamp = String(now + 5000);
		expect(verifySignature(call({ timestamp, signature: signBody(secret, timestamp, rawBody) }))).toEqual({ valid: true });
	});

	it('refuses missing headers, a non-numeric timestamp and a credential without a secret', () => {
		expect(verifySignature(call({ signature: undefined }))).toMatchObject({ valid: false });
		expect(verifySignature(call({ timestamp: undefined }))).toMatchObject({ valid: false });
		expect(verifySignature(call({ timestamp: '2026-11-02T09:00:00Z' }))).toMatchObject({
			valid: false,
			reason: 'x-caseflow-timestamp must be milliseconds since the epoch',
		});
		expect(verifySignature(call({ secret: '' }))).toMatchObject({ valid: false, reason: expect.stringContaining('Signing Secret') });
	});
});
