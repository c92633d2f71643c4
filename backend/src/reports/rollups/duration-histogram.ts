import type { DurationSummary } from '../statistics';

/**
 * Durations of rolled-up stage visits, counted in fixed log-scale buckets: each bucket is 2^(1/32)
 * (about 2.2 %) wider than the one before, so a bucket's middle is within 1.1 % of any duration
 * in it. Below 46 ms a bucket holds at most one whole millisecond, which it then stands for
 * exactly. Bucket 0 holds durations of 0 ms (and below, which a visit should not have).
 */
const PER_DOUBLING = 32;

export function bucketOf(ms: number): number {
  return ms <= 0 ? 0 : 1 + Math.floor(Math.log2(ms) * PER_DOUBLING);
}

/** The duration a bucket stands for: its one whole millisecond, else its geometric middle. */
export function valueOf(bucket: number): number {
  if (bucket === 0) return 0;
  const low = 2 ** ((bucket - 1) / PER_DOUBLING);
  const high = 2 ** (bucket / PER_DOUBLING);
  const whole = Math.ceil(low);
  if (whole < high && whole + 1 >= high) return whole;
  return 2 ** ((bucket - 0.5) / PER_DOUBLING);
}

/** Visits per bucket. */
export type Histogram = Map<number, number>;

export function addDuration(histogram: Histogram, ms: number): void {
  const bucket = bucketOf(ms);
  histogram.set(bucket, (histogram.get(bucket) ?? 0) + 1);
}

export function mergeHistogram(into: Histogram, from: Histogram): void {
  for (const [bucket, count] of from) into.set(bucket, (into.get(bucket) ?? 0) + count);
}

/** Stored as a flat JSON array of bucket, count pairs: the cheapest text to parse back. */
export function encodeHistogram(histogram: Histogram): string {
  return JSON.stringify([...histogram].sort((a, b) => a[0] - b[0]).flat());
}

export function decodeHistogram(text: string, into: Histogram = new Map()): Histogram {
  const pairs = JSON.parse(text) as number[];
  for (let i = 0; i < pairs.length; i += 2) into.set(pairs[i]!, (into.get(pairs[i]!) ?? 0) + pairs[i + 1]!);
  return into;
}

/**
 * The summary of durations known exactly (`durations`) and by bucket (`histogram`): count and
 * average exact (`totalMs` is the sum of all of them), percentiles as statistics.ts computes them
 * over the bucketed durations standing at their bucket's value.
 */
export function summariseWithHistogram(durations: number[], histogram: Histogram, count: number, totalMs: number): DurationSummary {
  const values: Array<[value: number, count: number]> = [...histogram].map(([bucket, n]) => [valueOf(bucket), n]);
  for (const ms of durations) values.push([ms, 1]);
  values.sort((a, b) => a[0] - b[0]);
  const round = (value: number | null) => (value === null ? null : Math.round(value));
  return {
    count,
    avgMs: round(count ? totalMs / count : null),
    p50Ms: round(weightedPercentile(values, count, 0.5)),
    p90Ms: round(weightedPercentile(values, count, 0.9)),
  };
}

/** percentile() over values repeated `count` times each, without repeating them. */
function weightedPercentile(sorted: Array<[number, number]>, total: number, fraction: number): number | null {
  if (total === 0) return null;
  const rank = fraction * (total - 1);
  const low = at(sorted, Math.floor(rank));
  return low + (at(sorted, Math.ceil(rank)) - low) * (rank - Math.floor(rank));
}

function at(sorted: Array<[number, number]>, index: number): number {
  let seen = 0;
  for (const [value, count] of sorted) {
    seen += count;
    if (index < seen) return value;
  }
  return sorted.at(-1)![0];
}
