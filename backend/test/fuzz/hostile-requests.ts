import { OpenApiDocument, Operation, plausibleValue, resolve } from './openapi-operations';

/** A request as it goes on the wire: the path is sent byte for byte, not normalised. */
export interface RawRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** What was broken, for the report of a failure. */
  why: string;
}

/** mulberry32: small, fast and the same on every machine, so a failure reproduces from its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const nested = (levels: number): unknown => {
  let value: unknown = 'bottom';
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
};

/** Values no schema of ours accepts everywhere: wrong types, extremes, unstorable text. */
const HOSTILE_VALUES: unknown[] = [
  null, true, false, 0, -1, 1.5, -0.5, 1e20, -1e20, 2_147_483_648, 9_007_199_254_740_993, 1e308,
  '', ' ', '\u0000', 'a\u0000b', '\ud800', 'x\udc00', 'x'.repeat(5_000), 'x'.repeat(70_000), '1e20', '-1', 'NaN',
  '2026-13-45T25:61:00Z', 'not-a-uuid', '%00', '../../etc/passwd', '<script>alert(1)</script>',
  "{{constructor.constructor('return 1')()}}", 'a@b', 'a@\ud800.com', '🙂', [], [null], ['\u0000'], {}, { $gt: '' },
  nested(20), Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`k${i}`, i])),
];

const HOSTILE_PATH_VALUES = [
  '%00', 'a%00b', '%ZZ', '%', '%ED%A0%80', 'not-a-uuid', '1e20', '-1', '0', '99999999999', '2147483648',
  'x'.repeat(200), '..%2F..%2Fetc', '%2e%2e', 'null', '%20', 'fuzz-unknown-key', '%F0%9F%99%82',
  '00000000-0000-4000-8000-000000000000', '0198a4f2-7c1e-7b3a-9e6f-2b1c3d4e5f60',
];

const HOSTILE_QUERY_VALUES = [
  '%00', 'a%00b', '%ZZ', '%', '%ED%A0%80', '1e20', '-1', '1.5', '99999999999999999999999', 'NaN', 'Infinity', '',
  'x'.repeat(3_000), 'true', 'null', '%5B%5D', '2147483648', '-2147483649', '0x10', 'not-a-uuid',
];

const WRONG_CONTENT_TYPES = [
  'text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x',
  'application/octet-stream', 'application/json; charset=utf-16',
];

/** Bodies Fastify's parser or the input rules refuse before anything is routed. */
const BROKEN_JSON: Array<{ why: string; text: () => string }> = [
  { why: 'malformed JSON', text: () => '{"a": ' },
  { why: 'trailing garbage', text: () => '{"a": 1} x' },
  { why: 'nested 40 deep', text: () => '['.repeat(40) + ']'.repeat(40) },
  { why: 'nested 5,000 deep', text: () => '{"a":'.repeat(5_000) + '1' + '}'.repeat(5_000) },
  { why: '5,000 keys', text: () => JSON.stringify(Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`k${i}`, i]))) },
  { why: 'NUL in a string', text: () => '{"name": "a\\u0000b"}' },
  { why: 'NUL in a key', text: () => '{"a\\u0000": 1}' },
  { why: 'lone surrogate', text: () => '{"email": "a\\ud800@example.test"}' },
  { why: 'prototype poisoning', text: () => '{"__proto__": {"admin": true}}' },
  { why: 'larger than an ordinary route takes', text: () => JSON.stringify({ blob: 'x'.repeat(300 * 1024) }) },
];

export class HostileRequests {
  private readonly random: () => number;

  constructor(
    private readonly document: OpenApiDocument,
    seed: number,
  ) {
    this.random = seededRandom(seed);
  }

  /**
   * A request that must be refused before it writes anything: a body the parser refuses, a body
   * with a field no DTO declares, an id that names nothing, or a query no handler accepts.
   */
  refused(operation: Operation): RawRequest {
    const path = this.path(operation);
    const carriesBody = operation.method !== 'GET';
    const choice = this.random();
    if (carriesBody && (choice < 0.3 || !operation.body)) {
      if (operation.pathParams.length > 0 && choice < 0.1) return this.wrongContentType(operation, path);
      const broken = this.pick(BROKEN_JSON);
      return { method: operation.method, path, headers: json, body: broken.text(), why: broken.why };
    }
    if (operation.body) {
      const { body, why } = this.brokenBody(operation);
      body[`fuzzUnknown${Math.floor(this.random() * 100)}`] = this.pick(HOSTILE_VALUES);
      return { method: operation.method, path, headers: json, body: JSON.stringify(body), why: `${why}, plus an unknown field` };
    }
    return { method: operation.method, path: this.withQuery(operation, path, true), headers: {}, why: 'hostile query' };
  }

  /** Hostile values in declared fields only: may be accepted, so its writes are not counted. */
  hostileValues(operation: Operation): RawRequest {
    const path = this.path(operation);
    if (!operation.body) return { method: operation.method, path: this.withQuery(operation, path, false), headers: {}, why: 'hostile query' };
    const { body, why } = this.brokenBody(operation);
    return { method: operation.method, path, headers: json, body: JSON.stringify(body), why };
  }

  private brokenBody(operation: Operation): { body: Record<string, unknown>; why: string } {
    const plausible = plausibleValue(this.document, operation.body);
    const body = (plausible && typeof plausible === 'object' && !Array.isArray(plausible) ? plausible : {}) as Record<string, unknown>;
    const fields = Object.keys(resolve(this.document, operation.body).properties ?? {});
    if (fields.length === 0) return { body, why: 'empty body' };
    const broken: string[] = [];
    const count = 1 + Math.floor(this.random() * Math.min(3, fields.length));
    for (let i = 0; i < count; i++) {
      const field = this.pick(fields);
      body[field] = this.pick(HOSTILE_VALUES);
      broken.push(field);
    }
    return { body, why: `hostile ${broken.join(', ')}` };
  }

  private path(operation: Operation): string {
    return operation.path.replace(/\{([^}]+)\}/g, () => this.pick(HOSTILE_PATH_VALUES));
  }

  /** Every declared query parameter, some hostile; an undeclared one when it must be refused. */
  private withQuery(operation: Operation, path: string, mustRefuse: boolean): string {
    const pairs: string[] = [];
    for (const { name } of operation.queryParams) {
      if (this.random() < 0.6) pairs.push(`${name}=${this.pick(HOSTILE_QUERY_VALUES)}`);
    }
    if (mustRefuse || pairs.length === 0) pairs.push(`${this.pick(['fuzz', 'limit', 'offset', 'x%00'])}=${this.pick(HOSTILE_QUERY_VALUES)}`);
    return `${path}?${pairs.join('&')}`;
  }

  private wrongContentType(operation: Operation, path: string): RawRequest {
    const type = this.pick(WRONG_CONTENT_TYPES);
    return { method: operation.method, path, headers: { 'content-type': type }, body: 'a=1&b=%00', why: `content type ${type}` };
  }

  private pick<T>(values: readonly T[]): T {
    return values[Math.floor(this.random() * values.length)]!;
  }
}

const json = { 'content-type': 'application/json' };
