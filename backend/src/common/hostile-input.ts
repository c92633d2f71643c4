/**
 * Rules every request passes before validation sees it. Each check is linear in the input and
 * never recursive, so a hostile body costs at most one pass over its bytes: class-transformer
 * and class-validator walk objects recursively (a deep body overflows the stack) and remove
 * duplicate keys in O(n²) (300,000 keys held the event loop for 48 s).
 */
export class InputRefusal extends Error {
  constructor(
    message: string,
    readonly statusCode = 400,
  ) {
    super(message);
  }
}

const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;

/**
 * Nesting depth and the number of object keys of JSON, counted on its bytes as they arrive (a
 * colon outside a string is exactly one key), so a hostile body is refused at the first byte over
 * a limit, before the rest is read or anything is parsed. The structural characters are ASCII and
 * never occur inside a multi-byte UTF-8 sequence. Malformed JSON is left for the parser to refuse.
 */
export class JsonShapeScanner {
  private depth = 0;
  private keys = 0;
  private inString = false;
  private escaped = false;

  constructor(
    private readonly maxDepth: number,
    private readonly maxKeys: number,
  ) {}

  feed(bytes: Uint8Array): void {
    for (let i = 0; i < bytes.length; i++) {
      const c = bytes[i]!;
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === BACKSLASH) this.escaped = true;
        else if (c === QUOTE) this.inString = false;
        continue;
      }
      if (c === QUOTE) this.inString = true;
      else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
        if (++this.depth > this.maxDepth) throw new InputRefusal(`The JSON body is nested deeper than ${this.maxDepth} levels.`);
      } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) this.depth--;
      else if (c === COLON && ++this.keys > this.maxKeys) {
        throw new InputRefusal(`The JSON body has more than ${this.maxKeys} keys in total.`);
      }
    }
  }
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why a string cannot be stored as text in SQLite and PostgreSQL alike, or undefined. */
export function unstorableText(value: string): string | undefined {
  if (value.includes('\u0000')) return 'contains a NUL character (\\u0000)';
  if (LONE_SURROGATE.test(value)) return 'contains a lone UTF-16 surrogate, which is not valid Unicode';
  return undefined;
}

/**
 * Every key and string of a parsed body must be storable text. Iterative: the shape was already
 * bounded by checkJsonShape, but nothing here relies on it.
 */
export function checkJsonStrings(value: unknown): void {
  const pending: Array<{ value: unknown; path: string }> = [{ value, path: '' }];
  while (pending.length > 0) {
    const { value: current, path } = pending.pop()!;
    if (typeof current === 'string') {
      const problem = unstorableText(current);
      if (problem) throw new InputRefusal(`${path || 'The body'} ${problem}.`);
    } else if (Array.isArray(current)) {
      current.forEach((item, index) => pending.push({ value: item, path: `${path}[${index}]` }));
    } else if (current !== null && typeof current === 'object') {
      for (const [key, item] of Object.entries(current)) {
        const keyProblem = unstorableText(key);
        if (keyProblem) throw new InputRefusal(`A key in ${path || 'the body'} ${keyProblem}.`);
        pending.push({ value: item, path: path ? `${path}.${key}` : key });
      }
    }
  }
}

/**
 * The path and query as sent: percent-encoding must decode to valid UTF-8 and must not carry NUL.
 * Fastify and its query parser otherwise pass such values on half-decoded or as they came.
 */
export function checkRequestUrl(url: string): void {
  const question = url.indexOf('?');
  const parts = question < 0 ? [url] : [url.slice(0, question), ...url.slice(question + 1).split('&')];
  for (const part of parts) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(part.replace(/\+/g, ' '));
    } catch {
      throw new InputRefusal('The URL has malformed percent-encoding.');
    }
    const problem = unstorableText(decoded);
    if (problem) throw new InputRefusal(`The URL ${problem}.`);
  }
}
