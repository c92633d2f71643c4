import { titleCase } from '../../lib/format';
import { chartShape, labelFor } from './report-data';

type Row = Record<string, string | number | boolean | null>;

/** How a report becomes a chart: which columns label the bars, which are the values. */
export interface ChartSpec {
  kind: 'bar' | 'pie';
  /** Columns joined into each bar's label; missing columns are skipped. */
  labels?: string[];
  /** Numeric columns, one series each (durations in ms are shown in hours). */
  values?: string[];
  /** One series per distinct value of this column (e.g. decision), summing `value`. */
  pivot?: { seriesFrom: string; value: string };
}

export interface ChartData {
  points: Array<Record<string, string | number>>;
  series: string[];
}

const HOUR_MS = 3_600_000;

export function seriesName(column: string): string {
  return column.endsWith('Ms') ? `${titleCase(column.slice(0, -2))} (hours)` : titleCase(column);
}

/** Turns report rows into chart points; without a usable spec it guesses from the column types. */
export function chartData(rows: Row[], spec: ChartSpec): ChartData {
  const guessed = chartShape(rows);
  const present = (columns: string[] | undefined) => (columns ?? []).filter((c) => rows.some((r) => r[c] !== undefined));
  const labels = distinguishing(rows, present(spec.labels).length > 0 ? present(spec.labels) : guessed.labels);

  const pivot = spec.pivot;
  if (pivot && rows.some((r) => r[pivot.seriesFrom] !== undefined)) {
    const { seriesFrom, value } = pivot;
    const points = new Map<string, Record<string, string | number>>();
    const series: string[] = [];
    for (const row of rows) {
      const label = labelFor(row, labels);
      const name = String(row[seriesFrom] ?? '—');
      if (!series.includes(name)) series.push(name);
      const point = points.get(label) ?? { label };
      point[name] = (typeof point[name] === 'number' ? (point[name] as number) : 0) + (typeof row[value] === 'number' ? (row[value] as number) : 0);
      points.set(label, point);
    }
    // Every point carries every series, so stacked bars line up.
    for (const point of points.values()) for (const name of series) point[name] ??= 0;
    return { points: [...points.values()], series };
  }

  const values = present(spec.values).length > 0 ? present(spec.values) : guessed.values;
  const points = rows.map((row) => {
    const point: Record<string, string | number> = { label: labelFor(row, labels) };
    for (const column of values) {
      const raw = typeof row[column] === 'number' ? (row[column] as number) : 0;
      point[seriesName(column)] = column.endsWith('Ms') ? Math.round((raw / HOUR_MS) * 100) / 100 : raw;
    }
    return point;
  });
  return { points, series: values.map(seriesName) };
}

/**
 * The label columns that tell the rows apart: with one process in view every bar would start with its
 * name (and be cut to it on the axis), so a column all rows share is left out while another one varies.
 */
function distinguishing(rows: Row[], columns: string[]): string[] {
  const varying = columns.filter((column) => new Set(rows.map((row) => row[column])).size > 1);
  return varying.length > 0 ? varying : columns;
}
