import { Bar, BarChart, CartesianGrid, Cell, Legend, Pie, PieChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { categoryAxis } from './category-axis';
import { CategoryTick } from './category-tick';
import type { ChartData } from './chart-data';

export const SERIES_COLOURS = ['#2f5bd3', '#16a34a', '#d97706', '#dc2626', '#7c3aed', '#0891b2', '#db2777', '#65a30d'];

interface ReportChartProps {
  data: ChartData;
  kind: 'bar' | 'pie';
  stacked?: boolean;
  title: string;
}

export function ReportChart({ data, kind, stacked = false, title }: ReportChartProps) {
  const [first] = data.series;
  if (data.points.length === 0 || first === undefined) return null;
  const axis = categoryAxis(data.points.map((point) => String(point.label)));
  return (
    <figure className="chart" aria-label={`${title} chart`}>
      <ResponsiveContainer width="100%" height={kind === 'pie' ? 240 : axis.height}>
        {kind === 'pie' ? (
          <PieChart>
            <Pie data={data.points} dataKey={first} nameKey="label" outerRadius={85} label isAnimationActive={false}>
              {data.points.map((point, index) => (
                <Cell key={String(point.label)} fill={SERIES_COLOURS[index % SERIES_COLOURS.length]} />
              ))}
            </Pie>
            <Tooltip />
            <Legend />
          </PieChart>
        ) : (
          <BarChart data={data.points} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" allowDecimals tick={{ fontSize: 12 }} />
            <YAxis type="category" dataKey="label" width={axis.width} interval={0} tick={<CategoryTick maxChars={axis.maxChars} />} />
            <Tooltip />
            <Legend />
            {data.series.map((name, index) => (
              <Bar key={name} dataKey={name} stackId={stacked ? 'stack' : undefined} fill={SERIES_COLOURS[index % SERIES_COLOURS.length]} isAnimationActive={false} />
            ))}
          </BarChart>
        )}
      </ResponsiveContainer>
    </figure>
  );
}
