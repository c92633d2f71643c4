import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Deliveries are signed as HMAC-SHA256 over `${timestamp}.${body}` so a receiver can refuse
 * both a forged body and an old one replayed later (it checks the timestamp's age).
 */
export const SIGNATURE_HEADER = 'x-caseflow-signature';
export const TIMESTAMP_HEADER = 'x-caseflow-timestamp';
export const IDEMPOTENCY_HEADER = 'x-caseflow-idempotency-key';

export function sign(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export function verifySignature(secret: string, timestamp: number, body: string, signature: string): boolean {
  const expected = Buffer.from(sign(secret, timestamp, body));
  const actual = Buffer.from(signature);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/**
 * The n8n credential test proves it holds the same signing secret without sending it: it sends
 * sha256("caseflow-signing-check:" + secret) in this header (n8n expressions can hash, not HMAC).
 */
export const SIGNING_CHECK_HEADER = 'x-caseflow-signing-check';

export type SigningCheck = 'ok' | 'missing' | 'mismatch' | 'not-configured';

export function checkSigningSecret(secret: string, proof: string | undefined): SigningCheck {
  if (!secret) return 'not-configured';
  if (!proof || proof === 'missing') return 'missing';
  const expected = Buffer.from(createHash('sha256').update(`caseflow-signing-check:${secret}`).digest('hex'));
  const actual = Buffer.from(proof.trim().toLowerCase());
  return expected.length === actual.length && timingSafeEqual(expected, actual) ? 'ok' : 'mismatch';
}
