import { toCsv } from './csv';
import { percentile, rate, summarise } from './statistics';

describe('toCsv', () => {
  const columns = [
    { header: 'name', value: (r: { name: string | null; n: number }) => r.name },
    { header: 'n', value: (r: { name: string | null; n: number }) => r.n },
  ];

  it('writes a header row and CRLF-terminated records', () => {
    expect(toCsv(columns, [{ name: 'a', n: 1 }, { name: null, n: -2 }])).toBe('name,n\r\na,1\r\n,-2\r\n');
  });

  it('quotes fields holding commas, quotes or line breaks and doubles inner quotes (RFC 4180)', () => {
    expect(toCsv(columns, [{ name: 'Smith, "Jo"\nJr', n: 0 }])).toBe('name,n\r\n"Smith, ""Jo""\nJr",0\r\n');
  });

  it('keeps text that a spreadsheet would run as a formula as text', () => {
    expect(toCsv(columns, [{ name: '=HYPERLINK("x")', n: 0 }])).toBe(`name,n\r\n"'=HYPERLINK(""x"")",0\r\n`);
  });
});

describe('statistics', () => {
  it('interpolates percentiles between closest ranks', () => {
    expect(percentile([10, 20, 30, 40], 0.5)).toBe(25);
    expect(percentile([10, 20, 30, 40], 0.9)).toBeCloseTo(37);
    expect(percentile([7], 0.9)).toBe(7);
    expect(percentile([], 0.5)).toBeNull();
  });

  it('summarises durations in any order', () => {
    expect(summarise([40, 10, 30, 20])).toEqual({ count: 4, avgMs: 25, p50Ms: 25, p90Ms: 37 });
    expect(summarise([])).toEqual({ count: 0, avgMs: null, p50Ms: null, p90Ms: null });
  });

  it('gives rates with four decimals and 0 for an empty whole', () => {
    expect(rate(1, 3)).toBe(0.3333);
    expect(rate(1, 0)).toBe(0);
  });
});
