import { describe, expect, it } from 'vitest';
import { chartData } from './chart-data';

describe('chartData', () => {
  it('pivots a column into stacked series, every point carrying every series', () => {
    const rows = [
      { processKey: 'p', stageKey: 'review', decision: 'approve', count: 3 },
      { processKey: 'p', stageKey: 'review', decision: 'refer', count: 2 },
      { processKey: 'p', stageKey: 'final', decision: 'approve', count: 1 },
    ];
    expect(chartData(rows, { kind: 'bar', labels: ['stageKey'], pivot: { seriesFrom: 'decision', value: 'count' } })).toEqual({
      points: [
        { label: 'review', approve: 3, refer: 2 },
        { label: 'final', approve: 1, refer: 0 },
      ],
      series: ['approve', 'refer'],
    });
  });

  it('shows durations in hours', () => {
    const rows = [{ stageName: 'Review', avgMs: 5_400_000, p50Ms: 3_600_000, p90Ms: null }];
    expect(chartData(rows, { kind: 'bar', labels: ['stageName'], values: ['avgMs', 'p50Ms', 'p90Ms'] })).toEqual({
      points: [{ label: 'Review', 'Avg (hours)': 1.5, 'P50 (hours)': 1, 'P90 (hours)': 0 }],
      series: ['Avg (hours)', 'P50 (hours)', 'P90 (hours)'],
    });
  });

  it('labels bars by what tells them apart: the stage alone when every row has the same process', () => {
    const one = [
      { process: 'Student support referral', stage: 'Advisor review', count: 3 },
      { process: 'Student support referral', stage: 'Department review', count: 1 },
    ];
    const spec = { kind: 'bar' as const, labels: ['process', 'stage'], values: ['count'] };
    expect(chartData(one, spec).points.map((point) => point.label)).toEqual(['Advisor review', 'Department review']);
    const two = [...one, { process: 'Bookings', stage: 'Advisor review', count: 2 }];
    expect(chartData(two, spec).points.map((point) => point.label)).toEqual([
      'Student support referral · Advisor review',
      'Student support referral · Department review',
      'Bookings · Advisor review',
    ]);
    expect(chartData(one.slice(0, 1), spec).points.map((point) => point.label)).toEqual(['Student support referral · Advisor review']);
  });

  it('guesses labels and values when the spec names columns the report does not have', () => {
    const rows = [{ outcome: 'supported', count: 4, rate: 0.67 }];
    expect(chartData(rows, { kind: 'pie', labels: ['missing'], values: ['absent'] }).series).toEqual(['Count', 'Rate']);
  });
});
