import { HttpException, HttpStatus } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

/**
 * Who gets slowed down after failed sign-ins. Failures count per key within a window; from a
 * key's threshold on, each further failure blocks it for 2^(5 + failures beyond the threshold)
 * seconds — 32 s, 64 s, 128 s … — never longer than THROTTLE_CAP_MS. Attempts made while blocked
 * are refused without checking the password and are not counted, so hammering does not lengthen
 * the block. The pair key stops a guesser from one address early; the account key is only a far
 * higher backstop against many addresses, so no single address can lock a real user out.
 */
export const THROTTLE_WINDOW_MS = 15 * 60_000;
export const THROTTLE_CAP_MS = 15 * 60_000;

export type ThrottleScope = 'pair' | 'address' | 'account' | 'api-key';

export const THROTTLE_THRESHOLDS: Record<ThrottleScope, number> = {
  /** one account from one address */
  pair: 5,
  /** any accounts from one address (password spraying) */
  address: 20,
  /** one account from any addresses */
  account: 100,
  /** wrong API keys from one address */
  'api-key': 20,
};

export interface ThrottleKey {
  scope: ThrottleScope;
  key: string;
}

export const loginKeys = (email: string, address: string): ThrottleKey[] => {
  const account = email.trim().toLowerCase();
  return [
    { scope: 'pair', key: `pair:${account}|${address}` },
    { scope: 'address', key: `address:${address}` },
    { scope: 'account', key: `account:${account}` },
  ];
};

/** What a successful sign-in from an address clears: its own counters, not the account's backstop. */
export const clearedBySuccess = (email: string, address: string): string[] =>
  loginKeys(email, address).filter((k) => k.scope !== 'account').map((k) => k.key);

export const apiKeyKey = (address: string): ThrottleKey => ({ scope: 'api-key', key: `api-key:${address}` });

/** How long a key is blocked after its n-th failure in the window; 0 below its threshold. */
export function backoffMs(scope: ThrottleScope, failures: number): number {
  const beyond = failures - THROTTLE_THRESHOLDS[scope];
  if (beyond < 0) return 0;
  return Math.min(2 ** Math.min(beyond + 5, 30) * 1000, THROTTLE_CAP_MS);
}

/** Thrown by services that have no reply at hand; the controller answers it with tooManyAttempts. */
export class ThrottledError extends Error {
  constructor(readonly waitMs: number) {
    super('throttled');
  }
}

/** 429 with Retry-After (whole seconds, rounded up). */
export function tooManyAttempts(reply: FastifyReply, waitMs: number, what: string): HttpException {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  void reply.header('retry-after', String(seconds));
  return new HttpException(
    { statusCode: HttpStatus.TOO_MANY_REQUESTS, error: 'Too Many Requests', message: `Too many failed ${what}; try again in ${seconds} s.` },
    HttpStatus.TOO_MANY_REQUESTS,
  );
}
