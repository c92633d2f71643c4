import { Injectable } from '@nestjs/common';
import type { ScopeCondition } from '../auth/case-scope';
import { Database } from '../database/database';
import { ProcessTable } from '../database/tables';

/** PostgreSQL returns COUNT, SUM and BIGINT as strings; SQLite as numbers. */
type Numeric = string | number;

/** Which cases count: one process key, optionally one version, and only those the caller may see. */
export interface CaseFilter {
  processKey: string;
  version: number | null;
  scope: ScopeCondition | null;
}

export interface CaseRow { status: string; stageKey: string | null; outcome: string | null; count: Numeric; stalled: Numeric; closedInPeriod: Numeric }
export interface StageCountRow { stageKey: string; count: Numeric }
/** A visit: its stage and its duration (null while open). */
export interface VisitRow { stageKey: string; duration: Numeric | null }
export interface DecisionCountRow { stageKey: string; decision: string; count: Numeric }

/**
 * Plain SQL rather than the query builder: the map is polled, so each figure is one aggregate
 * written to be answered from the covering indexes of migration LiveMapIndexes, and time in stage
 * needs window functions. Named parameters go through the driver, which numbers them for pg and
 * orders them for SQLite.
 */
@Injectable()
export class LiveMapRepository {
  constructor(private readonly db: Database) {}

  /** The stage lists of the versions in view, newest first; none when the process (or version) does not exist. */
  versions(filter: CaseFilter): Promise<Array<Pick<ProcessTable, 'version' | 'stages'>>> {
    const where = filter.version === null ? { key: filter.processKey } : { key: filter.processKey, version: filter.version };
    return this.db.manager.find(ProcessTable, { select: { version: true, stages: true }, where, order: { version: 'DESC' } });
  }

  /** Cases by status, current stage and outcome: the open and stalled counts, the totals and the outcomes. */
  cases(filter: CaseFilter, period: { from: number; to: number }): Promise<CaseRow[]> {
    return this.select(
      filter,
      `SELECT i.status AS status, i.current_stage_key AS "stageKey", i.outcome AS outcome, COUNT(*) AS count,
              SUM(CASE WHEN i.stalled_at IS NOT NULL THEN 1 ELSE 0 END) AS stalled,
              SUM(CASE WHEN i.closed_at >= :from AND i.closed_at < :to THEN 1 ELSE 0 END) AS "closedInPeriod"
         FROM instances i
        WHERE ${cases(filter)}
        GROUP BY i.status, i.current_stage_key, i.outcome`,
      period,
    );
  }

  /** Open cases still in a stage whose SLA breached (the breach sweep sets the flag, scheduler/). */
  breachedVisits(filter: CaseFilter): Promise<StageCountRow[]> {
    return this.select(
      filter,
      `SELECT v.stage_key AS "stageKey", COUNT(*) AS count
         FROM stage_visits v JOIN instances i ON i.id = v.instance_id
        WHERE v.exited_at IS NULL AND v.breached = true AND i.status IN ('active', 'waiting', 'failed') AND ${cases(filter)}
        GROUP BY v.stage_key`,
    );
  }

  /** Undecided tasks past their due time, as the overdue report counts them. */
  overdueTasks(filter: CaseFilter, now: number): Promise<StageCountRow[]> {
    return this.select(
      filter,
      `SELECT t.stage_key AS "stageKey", COUNT(*) AS count
         FROM tasks t${joinCases(filter, 't')}
        WHERE t.process_key = :processKey AND t.status IN ('open', 'claimed') AND t.due_at < :now AND t.stage_key IS NOT NULL${ownFilter(filter, 't')}
        GROUP BY t.stage_key`,
      { now },
    );
  }

  /** Each visit that began in the period: its stage and, once it ended, how long it took (the index alone answers). */
  visits(filter: CaseFilter, period: { from: number; to: number }): Promise<VisitRow[]> {
    return this.select(
      filter,
      `SELECT v.stage_key AS "stageKey", v.exited_at - v.entered_at AS duration
         FROM stage_visits v${joinCases(filter, 'v')}
        WHERE v.process_key = :processKey AND v.entered_at >= :from AND v.entered_at < :to${ownFilter(filter, 'v')}`,
      period,
    );
  }

  decisions(filter: CaseFilter, period: { from: number; to: number }): Promise<DecisionCountRow[]> {
    return this.select(
      filter,
      `SELECT t.stage_key AS "stageKey", t.decision AS decision, COUNT(*) AS count
         FROM tasks t${joinCases(filter, 't')}
        WHERE t.process_key = :processKey AND t.status = 'decided' AND t.decided_at >= :from AND t.decided_at < :to
          AND t.stage_key IS NOT NULL${ownFilter(filter, 't')}
        GROUP BY t.stage_key, t.decision`,
      period,
    );
  }

  private async select<T>(filter: CaseFilter, sql: string, params: Record<string, unknown> = {}): Promise<T[]> {
    const all = { ...params, processKey: filter.processKey, version: filter.version, ...filter.scope?.params };
    const [text, values] = this.db.dataSource.driver.escapeQueryWithParameters(sql, all);
    return (await this.db.manager.query(text, values)) as T[];
  }
}

function cases(filter: CaseFilter): string {
  const version = filter.version === null ? '' : ' AND i.process_version = :version';
  const scope = filter.scope ? ` AND ${filter.scope.sql('i.id')}` : '';
  return `i.process_key = :processKey${version}${scope}`;
}

/**
 * Visits and tasks carry their case's process key and version, so they are read without the cases;
 * only a caller limited to some cases (a reviewer) needs the join for the scope.
 */
function joinCases(filter: CaseFilter, alias: string): string {
  return filter.scope ? ` JOIN instances i ON i.id = ${alias}.instance_id` : '';
}

function ownFilter(filter: CaseFilter, alias: string): string {
  const version = filter.version === null ? '' : ` AND ${alias}.process_version = :version`;
  const scope = filter.scope ? ` AND ${filter.scope.sql('i.id')}` : '';
  return `${version}${scope}`;
}
