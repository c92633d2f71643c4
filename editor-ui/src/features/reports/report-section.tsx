import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { ErrorNotice, Loading } from '../../components/page-state';
import { formatDuration, titleCase } from '../../lib/format';
import { ReportChart } from './report-chart';
import { chartData, type ChartSpec } from './chart-data';
import { columnsOf, flattenRow, rowsOf } from './report-data';
import { csvUrl, reportQuery, type ReportFilters, type ReportName } from './report-filters';

export interface ReportDefinition {
  name: ReportName;
  title: string;
  description: string;
  chart: ChartSpec | null;
}

function formatCell(column: string, value: string | number | boolean | null): string {
  if (value === null) return '—';
  if (typeof value === 'number' && column.endsWith('Ms')) return formatDuration(value);
  if (typeof value === 'number' && /(rate|share|percent)/i.test(column)) return value <= 1 ? `${Math.round(value * 1000) / 10}%` : `${value}%`;
  if (typeof value === 'number') return value.toLocaleString();
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  return value;
}

function columnTitle(column: string): string {
  return column
    .split('.')
    .map((part) => titleCase(part.endsWith('Ms') ? part.slice(0, -2) : part))
    .join(' ');
}

interface ReportSectionProps {
  definition: ReportDefinition;
  filters: ReportFilters;
  /** The moment "last 7 days" counts back from; held steady so the query key does not change on every render. */
  now: number;
}

export function ReportSection({ definition, filters, now }: ReportSectionProps) {
  const query = reportQuery(filters, now);
  const report = useQuery({
    queryKey: ['reports', definition.name, query],
    queryFn: ({ signal }) => api.get<unknown>(`/reports/${definition.name}`, query, signal),
  });
  const rows = rowsOf(report.data).map(flattenRow);
  const columns = columnsOf(rows);
  const headingId = `report-${definition.name}`;
  return (
    <section className="card report" aria-labelledby={headingId}>
      <header className="report-header">
        <div>
          <h2 id={headingId}>{definition.title}</h2>
          <p className="muted small">{definition.description}</p>
        </div>
        <a className="button" href={csvUrl(definition.name, filters, now)} download={`${definition.name}.csv`}>
          Download CSV<span className="visually-hidden"> of {definition.title}</span>
        </a>
      </header>
      {report.isPending ? (
        <Loading />
      ) : report.error ? (
        <ErrorNotice error={report.error} onRetry={() => void report.refetch()} />
      ) : rows.length === 0 ? (
        <p className="muted">No data for this period.</p>
      ) : (
        <>
          {definition.chart ? (
            <ReportChart data={chartData(rows, definition.chart)} kind={definition.chart.kind} stacked={Boolean(definition.chart.pivot)} title={definition.title} />
          ) : null}
          <div className="table-scroll">
            <table className="table table-compact">
              <thead>
                <tr>
                  {columns.map((column) => (
                    <th key={column} scope="col">
                      {columnTitle(column)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row, index) => (
                  <tr key={index}>
                    {columns.map((column) => (
                      <td key={column}>{formatCell(column, row[column] ?? null)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
