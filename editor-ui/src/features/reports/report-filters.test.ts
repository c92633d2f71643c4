import { describe, expect, it } from 'vitest';
import { csvUrl, periodRange } from './report-filters';

const now = Date.parse('2026-11-30T12:00:00.000Z');

describe('csvUrl', () => {
  it('asks for CSV with the filters on screen', () => {
    const url = csvUrl('time-in-stage', { processKey: 'bookings', period: '7d', from: '', to: '' }, now);
    expect(url).toBe('/api/v1/reports/time-in-stage?processKey=bookings&from=2026-11-23T12%3A00%3A00.000Z&format=csv');
  });

  it('leaves out the process and period when not filtered', () => {
    expect(csvUrl('outcomes', { processKey: '', period: 'all', from: '', to: '' }, now)).toBe('/api/v1/reports/outcomes?format=csv');
  });
});

describe('periodRange', () => {
  it('covers whole days for custom dates', () => {
    expect(periodRange({ processKey: '', period: 'custom', from: '2026-11-01', to: '2026-11-02' }, now)).toEqual({
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-11-02T23:59:59.999Z',
    });
  });
});
