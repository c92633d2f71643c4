import { Bar, BarChart, CartesianGrid, Cell, Legend, Pie, PieChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { titleCase } from '../../lib/format';
import { labelFor } from './report-data';

export const SERIES_COLOURS = ['#2563eb', '#16a34a', '#d97706', '#dc2626', '#7c3aed', '#0891b2', '#db2777', '#65a30d'];
const HOUR_MS = 3_600_000;

interface ReportChartProps {
  rows: Array<Record<string, string | number | boolean | null>>;
  labels: string[];
  values: string[];
  kind: 'bar' | 'pie';
  title: string;
}

/** Durations arrive in milliseconds; charts show hours so the bars are readable. */
function seriesName(column: string): string {
  return column.endsWith('Ms') ? `${titleCase(column.slice(0, -2))} (hours)` : titleCase(column);
}

export function ReportChart({ rows, labels, values, kind, title }: ReportChartProps) {
  if (rows.length === 0 || values.length === 0) return null;
  const data = rows.map((row) => {
    const point: Record<string, string | number> = { label: labelFor(row, labels) };
    for (const column of values) {
      const value = typeof row[column] === 'number' ? (row[column] as number) : 0;
      point[seriesName(column)] = column.endsWith('Ms') ? Math.round((value / HOUR_MS) * 100) / 100 : value;
    }
    return point;
  });
  const series = values.map(seriesName);
  const [first = ''] = series;
  return (
    <figure className="chart" aria-label={`${title} chart`}>
      <ResponsiveContainer width="100%" height={260}>
        {kind === 'pie' ? (
          <PieChart>
            <Pie data={data} dataKey={first} nameKey="label" outerRadius={95} label>
              {data.map((point, index) => (
                <Cell key={String(point.label)} fill={SERIES_COLOURS[index % SERIES_COLOURS.length]} />
              ))}
            </Pie>
            <Tooltip />
            <Legend />
          </PieChart>
        ) : (
          <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 12 }} interval={0} />
            <YAxis allowDecimals tick={{ fontSize: 12 }} />
            <Tooltip />
            <Legend />
            {series.map((name, index) => (
              <Bar key={name} dataKey={name} fill={SERIES_COLOURS[index % SERIES_COLOURS.length]} isAnimationActive={false} />
            ))}
          </BarChart>
        )}
      </ResponsiveContainer>
    </figure>
  );
}
