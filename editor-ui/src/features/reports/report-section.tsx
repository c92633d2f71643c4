import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import { ErrorNotice, Loading } from '../../components/page-state';
import { MessageKindFilter, type KindChoice } from '../messages/message-kind';
import { useProcessNames } from '../processes/use-process-names';
import { ReportChart } from './report-chart';
import { chartData, type ChartSpec } from './chart-data';
import { flattenRow, rowsOf } from './report-data';
import { withNames } from './report-names';
import { ReportTable } from './report-table';
import { csvUrl, reportQuery, type ReportFilters, type ReportName } from './report-filters';

export interface ReportDefinition {
  name: ReportName;
  title: string;
  description: string;
  chart: ChartSpec | null;
  /** Lists of tasks or cases read better across the whole width. */
  wide?: boolean;
  /** Offers the customer / admin / finance filter (the messages report). */
  kindFilter?: boolean;
}

interface ReportSectionProps {
  definition: ReportDefinition;
  filters: ReportFilters;
  /** The moment "last 7 days" counts back from; held steady so the query key does not change on every render. */
  now: number;
}

export function ReportSection({ definition, filters, now }: ReportSectionProps) {
  const [kind, setKind] = useState<KindChoice>('');
  const extra = definition.kindFilter ? { kind: kind || undefined } : {};
  const query = reportQuery(filters, now, extra);
  const report = useQuery({
    queryKey: ['reports', definition.name, query],
    queryFn: ({ signal }) => api.get<unknown>(`/reports/${definition.name}`, query, signal),
  });
  const names = useProcessNames();
  const rows = withNames(rowsOf(report.data).map(flattenRow), names);
  const headingId = `report-${definition.name}`;
  return (
    <section className={definition.wide ? 'card report report-wide' : 'card report'} aria-labelledby={headingId}>
      <header className="report-header">
        <div>
          <h2 id={headingId}>{definition.title}</h2>
          <p className="muted small">{definition.description}</p>
        </div>
        <div className="page-actions">
          {definition.kindFilter ? <MessageKindFilter value={kind} onChange={setKind} /> : null}
          <a className="button" href={csvUrl(definition.name, filters, now, extra)} download={`${definition.name}.csv`}>
            Download CSV<span className="visually-hidden"> of {definition.title}</span>
          </a>
        </div>
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
          <ReportTable rows={rows} />
        </>
      )}
    </section>
  );
}
