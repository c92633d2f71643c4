import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { useNow } from '../../lib/use-now';
import { useProcesses } from '../processes/process-queries';
import type { PeriodPreset, ReportFilters } from './report-filters';
import { ReportSection, type ReportDefinition } from './report-section';

const BY_STAGE = ['process', 'stage'];

const REPORTS: ReportDefinition[] = [
  {
    name: 'volume',
    title: 'Volume',
    description: 'Cases by process, stage and status.',
    chart: { kind: 'bar', labels: BY_STAGE, pivot: { seriesFrom: 'status', value: 'count' } },
  },
  {
    name: 'caseload',
    title: 'Caseload',
    description: 'Live cases (active, waiting) apart from those that need attention (an n8n execution failed) and the closed ones.',
    chart: { kind: 'bar', labels: ['process'], values: ['live', 'needsAttention', 'completed', 'cancelled'] },
  },
  {
    name: 'time-in-stage',
    title: 'Time in stage',
    description: 'Average, median (p50) and p90 time cases spend in each stage.',
    chart: { kind: 'bar', labels: BY_STAGE, values: ['avgMs', 'p50Ms', 'p90Ms'] },
  },
  {
    name: 'decisions',
    title: 'Decisions',
    description: 'How often each decision is made, per stage.',
    chart: { kind: 'bar', labels: BY_STAGE, pivot: { seriesFrom: 'decision', value: 'count' } },
  },
  { name: 'outcomes', title: 'Outcomes', description: 'How closed cases ended.', chart: { kind: 'pie', labels: ['outcome'], values: ['count'] } },
  { name: 'overdue', title: 'Overdue tasks', description: 'Open tasks past their due time.', chart: null, wide: true },
  { name: 'stalled', title: 'Stalled cases', description: 'Cases sitting in a stage longer than its stall threshold.', chart: null, wide: true },
  {
    name: 'escalations',
    title: 'Escalations',
    description: 'Share of cases escalated, on the case or any of its tasks, per process.',
    chart: { kind: 'bar', labels: ['process'], values: ['cases', 'escalatedCases', 'escalations'] },
  },
  {
    name: 'messages',
    title: 'Messages',
    description: 'Messages per process and kind (customer, admin, finance): sent, queued and failed.',
    chart: { kind: 'bar', labels: ['process', 'kind'], values: ['sent', 'queued', 'failed'] },
    kindFilter: true,
  },
];

const PERIODS: Array<[PeriodPreset, string]> = [
  ['7d', 'Last 7 days'],
  ['30d', 'Last 30 days'],
  ['90d', 'Last 90 days'],
  ['all', 'All time'],
  ['custom', 'Custom dates'],
];

const startOfMinute = (ms: number) => ms - (ms % 60_000);

function readFilters(params: URLSearchParams): ReportFilters {
  const period = PERIODS.some(([value]) => value === params.get('period')) ? (params.get('period') as PeriodPreset) : '30d';
  return { processKey: params.get('process') ?? '', period, from: params.get('from') ?? '', to: params.get('to') ?? '' };
}

export default function ReportsPage() {
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const processes = useProcesses();
  const now = startOfMinute(useNow(60_000));
  const update = (change: Partial<ReportFilters>) => {
    const next = { ...filters, ...change };
    const result = new URLSearchParams();
    if (next.processKey) result.set('process', next.processKey);
    result.set('period', next.period);
    if (next.period === 'custom' && next.from) result.set('from', next.from);
    if (next.period === 'custom' && next.to) result.set('to', next.to);
    setParams(result, { replace: true });
  };
  return (
    <>
      <PageHeader title="Reports" subtitle="Where cases stand, how long they take and how they end." />
      <form className="filter-bar" aria-label="Report filters" onSubmit={(e) => e.preventDefault()}>
        <label className="field field-inline">
          <span>Process</span>
          <select value={filters.processKey} onChange={(e) => update({ processKey: e.target.value })}>
            <option value="">All processes</option>
            {(processes.data ?? []).map((p) => (
              <option key={p.key} value={p.key}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field field-inline">
          <span>Period</span>
          <select value={filters.period} onChange={(e) => update({ period: e.target.value as PeriodPreset })}>
            {PERIODS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        {filters.period === 'custom' ? (
          <>
            <label className="field field-inline">
              <span>From</span>
              <input type="date" value={filters.from} onChange={(e) => update({ from: e.target.value })} />
            </label>
            <label className="field field-inline">
              <span>To</span>
              <input type="date" value={filters.to} onChange={(e) => update({ to: e.target.value })} />
            </label>
          </>
        ) : null}
      </form>
      <div className="report-grid">
        {REPORTS.map((definition) => (
          <ReportSection key={definition.name} definition={definition} filters={filters} now={now} />
        ))}
      </div>
    </>
  );
}
