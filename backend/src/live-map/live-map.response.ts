import { iso } from '../common/time';
import { rate } from '../reports/statistics';
import type { LiveMapDecision, LiveMapResponse, LiveMapStage } from './live-map.dto';
import type { CaseRow, DecisionCountRow, RankedVisitRow, StageCountRow } from './live-map.repository';
import { MEDIAN_TENTHS, P90_TENTHS, percentileOfRanks } from './percentiles';

const MINUTE_MS = 60_000;
/** Not closed: a failed case needs attention but still stands in its stage. */
const OPEN_STATUSES = new Set(['active', 'waiting', 'failed']);
/** The stalled report counts live cases only. */
const LIVE_STATUSES = new Set(['active', 'waiting']);

export interface LiveMapRows {
  processKey: string;
  version: number | null;
  period: { from: number; to: number };
  generatedAt: string;
  /** Stage keys of the versions in view, newest version first: every one gets a row, zero or not. */
  definedStages: string[];
  cases: CaseRow[];
  breached: StageCountRow[];
  overdue: StageCountRow[];
  visits: RankedVisitRow[];
  decisions: DecisionCountRow[];
}

/** Folds the aggregate rows into the map: one row per stage, decisions with their share. */
export function toLiveMapResponse(rows: LiveMapRows): LiveMapResponse {
  const stages = new Map<string, LiveMapStage>();
  const stage = (key: string): LiveMapStage => {
    const found = stages.get(key) ?? { stageKey: key, open: 0, overdue: 0, stalled: 0, breached: 0, entered: 0, left: 0, medianMinutes: null, p90Minutes: null };
    stages.set(key, found);
    return found;
  };
  rows.definedStages.forEach(stage);
  const totals = { open: 0, completed: 0, cancelled: 0 };
  const outcomes = new Map<string | null, number>();
  for (const row of rows.cases) {
    const count = Number(row.count);
    if (OPEN_STATUSES.has(row.status)) totals.open += count;
    if (row.status === 'completed' || row.status === 'cancelled') totals[row.status] += count;
    if (row.status === 'completed' && Number(row.closedInPeriod) > 0) outcomes.set(row.outcome, (outcomes.get(row.outcome) ?? 0) + Number(row.closedInPeriod));
    if (row.stageKey === null) continue;
    if (OPEN_STATUSES.has(row.status)) stage(row.stageKey).open += count;
    if (LIVE_STATUSES.has(row.status)) stage(row.stageKey).stalled += Number(row.stalled);
  }
  for (const row of rows.breached) stage(row.stageKey).breached = Number(row.count);
  for (const row of rows.overdue) stage(row.stageKey).overdue = Number(row.count);
  for (const [key, visits] of visitsByStage(rows.visits)) {
    Object.assign(stage(key), {
      entered: visits.entered,
      left: visits.left,
      medianMinutes: minutes(percentileOfRanks(visits.left, MEDIAN_TENTHS, (rank) => visits.durationAt.get(rank)!)),
      p90Minutes: minutes(percentileOfRanks(visits.left, P90_TENTHS, (rank) => visits.durationAt.get(rank)!)),
    });
  }
  return {
    processKey: rows.processKey,
    version: rows.version,
    from: iso(rows.period.from)!,
    to: iso(rows.period.to)!,
    generatedAt: rows.generatedAt,
    stages: [...stages.values()],
    decisions: toDecisions(rows.decisions),
    outcomes: [...outcomes].map(([outcome, count]) => ({ outcome, count })).sort((a, b) => (a.outcome ?? '').localeCompare(b.outcome ?? '')),
    totals,
  };
}

interface StageVisits {
  entered: number;
  left: number;
  /** Durations of ended visits by rank, shortest first (only the ranks the percentiles need). */
  durationAt: Map<number, number>;
}

function visitsByStage(rows: RankedVisitRow[]): Map<string, StageVisits> {
  const byStage = new Map<string, StageVisits>();
  for (const row of rows) {
    const found = byStage.get(row.stageKey) ?? { entered: Number(row.entered), left: Number(row.exited), durationAt: new Map<number, number>() };
    if (row.duration !== null) found.durationAt.set(Number(row.position), Number(row.duration));
    byStage.set(row.stageKey, found);
  }
  return byStage;
}

function toDecisions(rows: DecisionCountRow[]): LiveMapDecision[] {
  const perStage = new Map<string, number>();
  for (const row of rows) perStage.set(row.stageKey, (perStage.get(row.stageKey) ?? 0) + Number(row.count));
  return rows
    .map((row) => ({ stageKey: row.stageKey, decision: row.decision, count: Number(row.count), share: rate(Number(row.count), perStage.get(row.stageKey)!) }))
    .sort((a, b) => a.stageKey.localeCompare(b.stageKey) || a.decision.localeCompare(b.decision));
}

/** Minutes with one decimal, from milliseconds. */
const minutes = (ms: number | null): number | null => (ms === null ? null : Math.round(ms / (MINUTE_MS / 10)) / 10);
