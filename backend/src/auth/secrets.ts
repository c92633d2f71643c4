import { hash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, keylen: number, options: object) => Promise<Buffer>;
const SCRYPT = { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, 32, SCRYPT);
  return `scrypt$${SCRYPT.N}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await scryptAsync(password, Buffer.from(salt, 'base64'), expected.length, { ...SCRYPT, N: Number(n) });
  return timingSafeEqual(actual, expected);
}

/** One-shot hashing (no Hash object): it runs on every API-key request. */
export const sha256 = (value: string): string => hash('sha256', value, 'hex');

/** A random token; API keys and session cookies have 256 bits, so a fast hash is enough at rest. */
export const randomToken = (bytes = 32): string => randomBytes(bytes).toString('base64url');

export interface ParsedApiKey {
  prefix: string;
  full: string;
}

/** API keys read `cf_<prefix>_<secret>`; the prefix finds the row, the whole key is compared by hash. */
export function newApiKey(): ParsedApiKey {
  const prefix = randomBytes(6).toString('hex');
  const full = `cf_${prefix}_${randomToken()}`;
  return { prefix, full };
}

export function parseApiKey(value: string): ParsedApiKey | null {
  const match = /^cf_([0-9a-f]{12})_[A-Za-z0-9_-]{20,}$/.exec(value);
  return match ? { prefix: match[1]!, full: value } : null;
}

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}
