/**
 * Percentiles with linear interpolation between closest ranks (PostgreSQL's percentile_cont),
 * computed here rather than in SQL because SQLite has no percentile function.
 */
export function percentile(sortedAscending: number[], fraction: number): number | null {
  if (sortedAscending.length === 0) return null;
  const rank = fraction * (sortedAscending.length - 1);
  const lower = Math.floor(rank);
  const upper = Math.ceil(rank);
  const low = sortedAscending[lower]!;
  return low + (sortedAscending[upper]! - low) * (rank - lower);
}

export interface DurationSummary {
  count: number;
  avgMs: number | null;
  p50Ms: number | null;
  p90Ms: number | null;
}

export function summarise(durations: number[]): DurationSummary {
  const sorted = [...durations].sort((a, b) => a - b);
  const round = (value: number | null) => (value === null ? null : Math.round(value));
  const total = sorted.reduce((sum, value) => sum + value, 0);
  return {
    count: sorted.length,
    avgMs: round(sorted.length ? total / sorted.length : null),
    p50Ms: round(percentile(sorted, 0.5)),
    p90Ms: round(percentile(sorted, 0.9)),
  };
}

/** A share as a fraction with four decimals; 0 when there is nothing to divide by. */
export const rate = (part: number, whole: number): number => (whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : 0);
