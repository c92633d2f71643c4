import { BadRequestException, Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { CaseScopeService } from '../auth/case-scope';
import { Clock } from '../common/clock';
import { iso } from '../common/time';
import { Database } from '../database/database';
import { parseAnchor } from '../timers/fire-time';
import {
  CaseloadRow,
  DecisionRow,
  EscalationRateRow,
  MessageReportRow,
  OutcomeRow,
  OverdueRow,
  ReportFilters,
  ReportName,
  ReportQueryDto,
  ReportResponse,
  StalledRow,
  TimeInStageRow,
  VolumeRow,
} from './reports.dto';
import { ReportsRepository } from './reports.repository';
import { decodeHistogram, Histogram, summariseWithHistogram } from './rollups/duration-histogram';
import { rate, summarise } from './statistics';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
/** Where each instance status counts in the caseload: failed is work that needs attention, not live work. */
const CASELOAD_COLUMN = { active: 'live', waiting: 'live', failed: 'needsAttention', completed: 'completed', cancelled: 'cancelled' } as const;
const DAY_MS = 86_400_000;

interface StageDurations {
  processKey: string;
  stageKey: string;
  stageName: string;
  /** Of the visits read one by one. */
  durations: number[];
  /** Of the rolled-up visits. */
  histogram: Histogram;
  count: number;
  totalMs: number;
}

@Injectable()
export class ReportsService {
  constructor(
    private readonly db: Database,
    private readonly repository: ReportsRepository,
    private readonly clock: Clock,
    private readonly scope: CaseScopeService,
  ) {}

  /** A reviewer's reports count and list only the cases they may see (case-scope.ts). */
  async run(actor: Actor, report: ReportName, query: ReportQueryDto): Promise<ReportResponse<unknown>> {
    const filters = toFilters(query);
    const rows = await this.db.read(async () => this.rows(report, { ...filters, scope: this.scope.condition(await this.scope.of(actor)) }));
    return {
      report,
      filters: {
        processKey: filters.processKey,
        from: iso(filters.from),
        to: iso(filters.to),
        ...(report === 'messages' ? { kind: filters.kind ?? null } : {}),
      },
      generatedAt: iso(this.clock.now())!,
      rows,
    };
  }

  private rows(report: ReportName, filters: ReportFilters): Promise<unknown[]> {
    switch (report) {
      case 'volume':
        return this.volume(filters);
      case 'caseload':
        return this.caseload(filters);
      case 'time-in-stage':
        return this.timeInStage(filters);
      case 'overdue':
        return this.overdue(filters);
      case 'stalled':
        return this.stalled(filters);
      case 'decisions':
        return this.decisions(filters);
      case 'escalations':
        return this.escalations(filters);
      case 'outcomes':
        return this.outcomes(filters);
      case 'messages':
        return this.messages(filters);
    }
  }

  private async volume(filters: ReportFilters): Promise<VolumeRow[]> {
    return (await this.repository.volume(filters)).map((r) => ({ ...r, count: Number(r.count) }));
  }

  private async caseload(filters: ReportFilters): Promise<CaseloadRow[]> {
    const rows = new Map<string, CaseloadRow>();
    for (const r of await this.repository.caseload(filters)) {
      const row = rows.get(r.processKey) ?? { processKey: r.processKey, live: 0, needsAttention: 0, completed: 0, cancelled: 0 };
      const column = CASELOAD_COLUMN[r.status as keyof typeof CASELOAD_COLUMN];
      if (column) row[column] += Number(r.count);
      rows.set(r.processKey, row);
    }
    return [...rows.values()];
  }

  /** Exact from the rows; percentiles from duration histograms (rollups/) once rolled-up visits are in. */
  private async timeInStage(filters: ReportFilters): Promise<TimeInStageRow[]> {
    const groups = new Map<string, StageDurations>();
    for (const row of await this.repository.closedVisits(filters)) {
      const key = JSON.stringify([row.processKey, row.stageKey]);
      const group: StageDurations = groups.get(key) ?? { processKey: row.processKey, stageKey: row.stageKey, stageName: row.stageName, durations: [], histogram: new Map(), count: 0, totalMs: 0 };
      if (row.histogram === null) group.durations.push(Number(row.totalMs));
      else decodeHistogram(row.histogram, group.histogram);
      group.count += Number(row.visits);
      group.totalMs += Number(row.totalMs);
      groups.set(key, group);
    }
    return [...groups.values()]
      .sort((a, b) => a.processKey.localeCompare(b.processKey) || a.stageKey.localeCompare(b.stageKey))
      .map(({ processKey, stageKey, stageName, durations, histogram, count, totalMs }) => ({
        processKey,
        stageKey,
        stageName,
        ...(histogram.size === 0 ? summarise(durations) : summariseWithHistogram(durations, histogram, count, totalMs)),
      }));
  }

  private async overdue(filters: ReportFilters): Promise<OverdueRow[]> {
    const now = this.clock.now();
    return (await this.repository.overdueTasks(filters, now)).map((r) => ({
      taskId: r.taskId,
      title: r.title,
      instanceId: r.instanceId,
      processKey: r.processKey,
      stageKey: r.stageKey,
      queue: { id: r.queueId, key: r.queueKey, name: r.queueName },
      assigneeId: r.assigneeId,
      priority: Number(r.priority),
      status: r.status,
      dueAt: iso(Number(r.dueAt))!,
      overdueMs: now - Number(r.dueAt),
    }));
  }

  private async stalled(filters: ReportFilters): Promise<StalledRow[]> {
    const now = this.clock.now();
    return (await this.repository.stalledInstances(filters)).map((r) => ({
      instanceId: r.instanceId,
      processKey: r.processKey,
      stageKey: r.stageKey,
      status: r.status,
      entity: { id: r.entityId, name: r.entityName },
      stalledAt: iso(Number(r.stalledAt))!,
      stalledForMs: now - Number(r.stalledAt),
    }));
  }

  private async decisions(filters: ReportFilters): Promise<DecisionRow[]> {
    const rows = (await this.repository.decisions(filters)).map((r) => ({ ...r, count: Number(r.count) }));
    const totals = sumBy(rows, (r) => JSON.stringify([r.processKey, r.stageKey]));
    return rows.map((r) => ({ ...r, rate: rate(r.count, totals.get(JSON.stringify([r.processKey, r.stageKey]))!) }));
  }

  /** Everything counted is about the cases started in the period, so the rate and its counts agree. */
  private async escalations(filters: ReportFilters): Promise<EscalationRateRow[]> {
    const tasks = new Map((await this.repository.taskCounts(filters)).map((r) => [r.processKey, Number(r.tasks)]));
    const escalated = new Map((await this.repository.escalationCounts(filters)).map((r) => [r.processKey, r]));
    const rows = (await this.repository.caseCounts(filters)).map((r): EscalationRateRow => {
      const cases = Number(r.cases);
      const counts = escalated.get(r.processKey);
      const escalatedCases = Number(counts?.escalatedCases ?? 0);
      return {
        processKey: r.processKey,
        escalations: Number(counts?.escalations ?? 0),
        cases,
        escalatedCases,
        escalatedTasks: Number(counts?.escalatedTasks ?? 0),
        tasks: tasks.get(r.processKey) ?? 0,
        rate: rate(escalatedCases, cases),
      };
    });
    return rows.sort((a, b) => a.processKey.localeCompare(b.processKey));
  }

  private async outcomes(filters: ReportFilters): Promise<OutcomeRow[]> {
    const rows = (await this.repository.outcomes(filters)).map((r) => ({ ...r, count: Number(r.count) }));
    const totals = sumBy(rows, (r) => r.processKey);
    return rows.map((r) => ({ ...r, rate: rate(r.count, totals.get(r.processKey)!) }));
  }

  private async messages(filters: ReportFilters): Promise<MessageReportRow[]> {
    const rows = new Map<string, MessageReportRow>();
    for (const r of await this.repository.messages(filters)) {
      const key = JSON.stringify([r.processKey, r.kind]);
      const row = rows.get(key) ?? { processKey: r.processKey, kind: r.kind, sent: 0, queued: 0, failed: 0, total: 0 };
      const column = MESSAGE_STATUS_COLUMN[r.status as keyof typeof MESSAGE_STATUS_COLUMN];
      if (column) row[column] += Number(r.count);
      row.total += Number(r.count);
      rows.set(key, row);
    }
    // Messages about no case come last.
    return [...rows.values()].sort((a, b) => (a.processKey ?? '\uffff').localeCompare(b.processKey ?? '\uffff') || a.kind.localeCompare(b.kind));
  }
}

/** Status columns a message's delivery status counts in; the outbox moves queued to sent or failed. */
const MESSAGE_STATUS_COLUMN = { sent: 'sent', queued: 'queued', failed: 'failed' } as const;

function sumBy<T extends { count: number }>(rows: T[], key: (row: T) => string): Map<string, number> {
  const totals = new Map<string, number>();
  for (const row of rows) totals.set(key(row), (totals.get(key(row)) ?? 0) + row.count);
  return totals;
}

function toFilters(query: ReportQueryDto): ReportFilters {
  // Times without an offset are UTC, whatever zone the server runs in.
  const from = query.from ? parseAnchor(query.from, 'UTC') : null;
  // A bare date as the end of a period means "up to the end of that day".
  const toStart = query.to ? parseAnchor(query.to, 'UTC') : null;
  const to = toStart === null ? null : toStart + (DATE_ONLY.test(query.to!) ? DAY_MS : 0);
  if (from !== null && to !== null && from >= to) {
    throw new BadRequestException({ message: 'from: must be before to', details: [{ field: 'from', messages: ['must be before to'] }] });
  }
  return { processKey: query.processKey ?? null, from, to, kind: query.kind ?? null };
}
