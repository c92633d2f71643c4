import { summarise } from '../statistics';
import { addDuration, bucketOf, decodeHistogram, encodeHistogram, Histogram, summariseWithHistogram, valueOf } from './duration-histogram';

describe('duration histogram', () => {
  it('stands every duration within 1.1 % of its bucket value, and whole milliseconds below 46 ms exactly', () => {
    for (let ms = 0; ms < 46; ms++) expect(valueOf(bucketOf(ms))).toBe(ms);
    for (let ms = 46; ms < 40 * 86_400_000; ms = Math.ceil(ms * 1.003)) {
      expect(Math.abs(valueOf(bucketOf(ms)) - ms)).toBeLessThanOrEqual(ms * 0.011);
    }
  });

  it('gives the count and average exactly and the percentiles within 1.1 %, read back from its text', () => {
    let state = 7;
    const next = () => (state = (state * 48_271) % 2_147_483_647) / 2_147_483_647;
    const durations = Array.from({ length: 5_000 }, () => Math.floor(next() ** 4 * 10 * 86_400_000));
    const histogram: Histogram = new Map();
    for (const ms of durations.slice(1_000)) addDuration(histogram, ms);
    const total = durations.reduce((sum, ms) => sum + ms, 0);
    const exact = summarise(durations);
    const read = summariseWithHistogram(durations.slice(0, 1_000), decodeHistogram(encodeHistogram(histogram)), durations.length, total);
    expect({ count: read.count, avgMs: read.avgMs }).toEqual({ count: exact.count, avgMs: exact.avgMs });
    for (const p of ['p50Ms', 'p90Ms'] as const) expect(Math.abs(read[p]! - exact[p]!)).toBeLessThanOrEqual(exact[p]! * 0.011 + 1);
  });
});
