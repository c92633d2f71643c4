import { DAY_MS, daySpans, monthOf, periodParts } from './period-parts';

const HOUR = 3_600_000;
const DAY = Date.UTC(2026, 9, 3);

/** How many of the parts read a fact dated `at`, of a case rolled up or not. */
function readings(from: number | null, to: number | null, at: number, rolledUp: boolean): number {
  const { days, raw } = periodParts({ processKey: null, from, to });
  const day = Math.floor(at / DAY_MS);
  const fromRollups = days !== null && rolledUp && (days.from === null || day >= days.from) && (days.to === null || day < days.to) ? 1 : 0;
  const fromRows = raw.filter((s) => (s.from === null || at >= s.from) && (s.to === null || at < s.to) && !(s.notRolledUp && rolledUp)).length;
  return fromRollups + fromRows;
}

describe('periodParts', () => {
  const bounds = [null, DAY, DAY + 7 * HOUR, DAY + DAY_MS, DAY + DAY_MS + 1, DAY + 2 * DAY_MS - 1, DAY + 3 * DAY_MS + 5 * HOUR];
  const times = [DAY - 1, DAY, DAY + 1, DAY + 6 * HOUR, DAY + 7 * HOUR - 1, DAY + 7 * HOUR, DAY + DAY_MS - 1, DAY + DAY_MS, DAY + DAY_MS + 1, DAY + 2 * DAY_MS, DAY + 3 * DAY_MS, DAY + 3 * DAY_MS + 5 * HOUR, DAY + 4 * DAY_MS];

  it('reads every fact of the period exactly once and none outside it, rolled up or not', () => {
    for (const from of bounds) {
      for (const to of bounds) {
        if (from !== null && to !== null && from >= to) continue;
        for (const at of times) {
          const inPeriod = (from === null || at >= from) && (to === null || at < to) ? 1 : 0;
          for (const rolledUp of [false, true]) expect({ from, to, at, rolledUp, reads: readings(from, to, at, rolledUp) }).toEqual({ from, to, at, rolledUp, reads: inPeriod });
        }
      }
    }
  });

  it('reads the whole days from the rollups and a period within one day from the rows alone', () => {
    expect(periodParts({ processKey: 'p', from: DAY + HOUR, to: DAY + 2 * DAY_MS + HOUR }).days).toEqual({ processKey: 'p', from: DAY / DAY_MS + 1, to: DAY / DAY_MS + 2 });
    expect(periodParts({ processKey: null, from: DAY + HOUR, to: DAY + 2 * HOUR })).toEqual({ days: null, raw: [{ processKey: null, from: DAY + HOUR, to: DAY + 2 * HOUR, notRolledUp: false }] });
  });

  it('reads whole UTC months from month rows and every other day of the period from day rows, each day once', () => {
    const day = (iso: string) => Date.parse(iso) / DAY_MS;
    const inside = (d: number, span: { from: number | null; to: number | null }) => (span.from === null || d >= span.from) && (span.to === null || d < span.to);
    const bounds = [null, day('2026-01-31'), day('2026-02-01'), day('2026-02-15'), day('2026-03-01'), day('2026-03-02'), day('2026-05-01')];
    for (const from of bounds) {
      for (const to of bounds) {
        if (from !== null && to !== null && from >= to) continue;
        const { months, days } = daySpans({ from, to });
        for (let d = day('2026-01-01'); d < day('2026-06-01'); d++) {
          const reads = (months !== null && inside(monthOf(d), months) ? 1 : 0) + days.filter((span) => inside(d, span)).length;
          expect({ from, to, d, reads }).toEqual({ from, to, d, reads: inside(d, { from, to }) ? 1 : 0 });
        }
      }
    }
  });
});
