import { describe, expect, it } from 'vitest';
import { chartShape, columnsOf, flattenRow, labelFor, rowsOf } from './report-data';

describe('report data', () => {
  it('reads rows from a bare array or a wrapped one', () => {
    expect(rowsOf([{ a: 1 }])).toEqual([{ a: 1 }]);
    expect(rowsOf({ items: [{ a: 1 }] })).toEqual([{ a: 1 }]);
    expect(rowsOf({ rows: [{ a: 2 }] })).toEqual([{ a: 2 }]);
    expect(rowsOf('nope')).toEqual([]);
  });

  it('picks text columns as labels and numbers as series, skipping ids', () => {
    const rows = [
      { processKey: 'bookings', stageKey: 'review', stageId: 'x', avgMs: 3_600_000, p50Ms: 1_800_000, count: 3 },
      { processKey: 'bookings', stageKey: 'approve', stageId: 'y', avgMs: 60_000, p50Ms: null, count: 1 },
    ].map(flattenRow);
    expect(chartShape(rows)).toEqual({ labels: ['processKey', 'stageKey'], values: ['avgMs', 'p50Ms', 'count'] });
    expect(labelFor(rows[0]!, ['processKey', 'stageKey'])).toBe('bookings · review');
  });

  it('flattens nested objects one level', () => {
    const flat = flattenRow({ queue: { key: 'finance', name: 'Finance' }, open: 2 });
    expect(flat).toEqual({ 'queue.key': 'finance', 'queue.name': 'Finance', open: 2 });
    expect(columnsOf([flat])).toEqual(['queue.key', 'queue.name', 'open']);
  });
});
