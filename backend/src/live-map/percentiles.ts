/** The percentiles the map shows, in tenths: integer arithmetic picks the same ranks in SQL and here. */
export const MEDIAN_TENTHS = 5;
export const P90_TENTHS = 9;

/** The two ranks (0-based) either side of a percentile's position among `count` sorted values. */
export function neighbourRanks(count: number, tenths: number): [number, number] {
  const scaled = (count - 1) * tenths;
  return [Math.floor(scaled / 10), Math.ceil(scaled / 10)];
}

/**
 * The same percentile as statistics.ts `percentile` (linear interpolation between closest ranks,
 * PostgreSQL's percentile_cont), from only the values at the two neighbouring ranks: the database
 * picks those, so the durations themselves never leave it. `valueAt` answers for those two ranks.
 */
export function percentileOfRanks(count: number, tenths: number, valueAt: (rank: number) => number): number | null {
  if (count === 0) return null;
  const [lower, upper] = neighbourRanks(count, tenths);
  const weight = (((count - 1) * tenths) % 10) / 10;
  const low = valueAt(lower);
  return low + (valueAt(upper) - low) * weight;
}

/**
 * The SQL condition that keeps a visit whose 0-based `position` among `count` is one of the
 * neighbouring ranks of `tenths` (integer division, as neighbourRanks).
 */
export function neighbourRanksSql(position: string, count: string, tenths: number): string {
  return `${position} IN ((${count} - 1) * ${tenths} / 10, ((${count} - 1) * ${tenths} + 9) / 10)`;
}
