import { iso } from '../common/time';
import { percentile, rate } from '../reports/statistics';
import type { LiveMapDecision, LiveMapResponse, LiveMapStage } from './live-map.dto';
import type { CaseRow, DecisionCountRow, StageCountRow, VisitRow } from './live-map.repository';

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
  visits: VisitRow[];
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
      medianMinutes: minutes(percentile(visits.durations, 0.5)),
      p90Minutes: minutes(percentile(visits.durations, 0.9)),
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
  /** Durations of the ended visits, shortest first: the time-in-stage report's percentiles over the same values. */
  durations: number[];
}

function visitsByStage(rows: VisitRow[]): Map<string, StageVisits> {
  const byStage = new Map<string, StageVisits & { ended: number[] }>();
  for (const row of rows) {
    const found = byStage.get(row.stageKey) ?? { entered: 0, left: 0, durations: [], ended: [] };
    found.entered += 1;
    if (row.duration !== null) found.ended.push(Number(row.duration));
    byStage.set(row.stageKey, found);
  }
  const out = new Map<string, StageVisits>();
  for (const [key, found] of byStage) {
    const durations = Float64Array.from(found.ended).sort();
    out.set(key, { entered: found.entered, left: durations.length, durations: Array.from(durations) });
  }
  return out;
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
