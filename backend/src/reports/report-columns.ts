import { CsvColumn, toCsv } from './csv';
import type {
  CaseloadRow,
  DecisionRow,
  EscalationRateRow,
  MessageReportRow,
  OutcomeRow,
  OverdueRow,
  ReportName,
  StalledRow,
  TimeInStageRow,
  VolumeRow,
} from './reports.dto';

const columns = <Row>(...list: Array<[string, CsvColumn<Row>['value']]>): Array<CsvColumn<Row>> =>
  list.map(([header, value]) => ({ header, value }));

/** The CSV shape of each report: nested values flattened into their own columns. */
export const REPORT_COLUMNS: { [R in ReportName]: Array<CsvColumn<never>> } = {
  volume: columns<VolumeRow>(['processKey', (r) => r.processKey], ['stageKey', (r) => r.stageKey], ['status', (r) => r.status], ['count', (r) => r.count]),
  caseload: columns<CaseloadRow>(
    ['processKey', (r) => r.processKey],
    ['live', (r) => r.live],
    ['needsAttention', (r) => r.needsAttention],
    ['completed', (r) => r.completed],
    ['cancelled', (r) => r.cancelled],
  ),
  'time-in-stage': columns<TimeInStageRow>(
    ['processKey', (r) => r.processKey],
    ['stageKey', (r) => r.stageKey],
    ['stageName', (r) => r.stageName],
    ['count', (r) => r.count],
    ['avgMs', (r) => r.avgMs],
    ['p50Ms', (r) => r.p50Ms],
    ['p90Ms', (r) => r.p90Ms],
  ),
  overdue: columns<OverdueRow>(
    ['taskId', (r) => r.taskId],
    ['title', (r) => r.title],
    ['instanceId', (r) => r.instanceId],
    ['processKey', (r) => r.processKey],
    ['stageKey', (r) => r.stageKey],
    ['queueKey', (r) => r.queue.key],
    ['queueName', (r) => r.queue.name],
    ['assigneeId', (r) => r.assigneeId],
    ['priority', (r) => r.priority],
    ['status', (r) => r.status],
    ['dueAt', (r) => r.dueAt],
    ['overdueMs', (r) => r.overdueMs],
  ),
  stalled: columns<StalledRow>(
    ['instanceId', (r) => r.instanceId],
    ['processKey', (r) => r.processKey],
    ['stageKey', (r) => r.stageKey],
    ['status', (r) => r.status],
    ['entityId', (r) => r.entity.id],
    ['entityName', (r) => r.entity.name],
    ['stalledAt', (r) => r.stalledAt],
    ['stalledForMs', (r) => r.stalledForMs],
  ),
  decisions: columns<DecisionRow>(
    ['processKey', (r) => r.processKey],
    ['stageKey', (r) => r.stageKey],
    ['decision', (r) => r.decision],
    ['count', (r) => r.count],
    ['rate', (r) => r.rate],
  ),
  escalations: columns<EscalationRateRow>(
    ['processKey', (r) => r.processKey],
    ['escalations', (r) => r.escalations],
    ['cases', (r) => r.cases],
    ['escalatedCases', (r) => r.escalatedCases],
    ['escalatedTasks', (r) => r.escalatedTasks],
    ['tasks', (r) => r.tasks],
    ['rate', (r) => r.rate],
  ),
  outcomes: columns<OutcomeRow>(['processKey', (r) => r.processKey], ['outcome', (r) => r.outcome], ['count', (r) => r.count], ['rate', (r) => r.rate]),
  messages: columns<MessageReportRow>(
    ['processKey', (r) => r.processKey],
    ['kind', (r) => r.kind],
    ['sent', (r) => r.sent],
    ['queued', (r) => r.queued],
    ['failed', (r) => r.failed],
    ['total', (r) => r.total],
  ),
};

/** Each report's rows are exactly the row type its columns were written for. */
export const reportCsv = (report: ReportName, rows: unknown[]): string =>
  toCsv(REPORT_COLUMNS[report] as Array<CsvColumn<unknown>>, rows);
