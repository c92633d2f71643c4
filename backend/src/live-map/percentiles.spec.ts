import { percentile } from '../reports/statistics';
import { MEDIAN_TENTHS, neighbourRanks, P90_TENTHS, percentileOfRanks } from './percentiles';

describe('percentileOfRanks', () => {
  it('answers null for no values', () => {
    expect(percentileOfRanks(0, MEDIAN_TENTHS, () => 1)).toBeNull();
  });

  it('agrees with the reports\' percentile for every count up to 200', () => {
    for (let count = 1; count <= 200; count++) {
      const sorted = Array.from({ length: count }, (_, i) => i * i * 7 + (i % 3));
      for (const tenths of [MEDIAN_TENTHS, P90_TENTHS]) {
        const asked: number[] = [];
        const value = percentileOfRanks(count, tenths, (rank) => (asked.push(rank), sorted[rank]!));
        expect(value).toBeCloseTo(percentile(sorted, tenths / 10)!, 6);
        expect(asked.every((rank) => neighbourRanks(count, tenths).includes(rank))).toBe(true);
      }
    }
  });

  it('picks one rank when the position falls on a value', () => {
    expect(neighbourRanks(11, P90_TENTHS)).toEqual([9, 9]);
    expect(neighbourRanks(4, MEDIAN_TENTHS)).toEqual([1, 2]);
  });
});
