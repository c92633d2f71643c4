import { checkJsonStrings, checkRequestUrl, InputRefusal, JsonShapeScanner } from './hostile-input';

const scan = (text: string, depth = 32, keys = 2_000, chunk = 7): void => {
  const scanner = new JsonShapeScanner(depth, keys);
  const bytes = Buffer.from(text);
  for (let at = 0; at < bytes.length; at += chunk) scanner.feed(bytes.subarray(at, at + chunk));
};

describe('JsonShapeScanner', () => {
  it('counts depth and keys across chunks, ignoring brackets, colons and escaped quotes inside strings', () => {
    expect(() => scan('{"a:[{":"\\"}}]]:","b":[1,{"c":2}]}', 3, 3)).not.toThrow();
    expect(() => scan('{"a":{"b":{"c":{}}}}', 3)).toThrow(/nested deeper than 3 levels/);
    expect(() => scan('{"a":1,"b":2,"c":3,"d":4}', 32, 3)).toThrow(/more than 3 keys/);
  });

  it('refuses 100,000 levels without recursion', () => {
    expect(() => scan('['.repeat(100_000) + ']'.repeat(100_000), 32, 2_000, 65_536)).toThrow(InputRefusal);
  });

  it('treats multi-byte UTF-8 split across chunks as string content', () => {
    expect(() => scan('{"ä:{[":"🙂:{["}', 1, 1, 1)).not.toThrow();
  });
});

describe('checkJsonStrings', () => {
  it('names the field holding a NUL or a lone surrogate, in keys too', () => {
    expect(() => checkJsonStrings({ a: [{ b: 'x\u0000' }] })).toThrow('a[0].b contains a NUL character');
    expect(() => checkJsonStrings({ email: 'a\ud800@x' })).toThrow(/email contains a lone UTF-16 surrogate/);
    expect(() => checkJsonStrings({ ['k\u0000']: 1 })).toThrow(/A key in the body contains a NUL/);
    expect(() => checkJsonStrings({ ok: '🙂 fine', n: [1, null, true] })).not.toThrow();
  });
});

describe('checkRequestUrl', () => {
  it('refuses NUL, malformed percent-encoding and invalid UTF-8, and accepts ordinary URLs', () => {
    for (const url of ['/a%00', '/a?x=%00', '/a?x=%ZZ', '/a%ED%A0%80', '/a?%E0%A4%A=1']) expect(() => checkRequestUrl(url)).toThrow(InputRefusal);
    for (const url of ['/a/b?x=1&y=%F0%9F%99%82', '/a?q=a+b&z=%2F', '/']) expect(() => checkRequestUrl(url)).not.toThrow();
  });
});
