import type { ReportCaseRollupTable, ReportDecisionRollupTable, ReportMessageRollupTable, ReportStageRollupTable, RollupSpan } from '../../database/tables';
import { DAY_MS, monthOf } from './period-parts';
import { addDuration, Histogram } from './duration-histogram';

/** A batch of closed cases with their tasks and escalations, as read from their rows. */
export interface ClosedCaseFacts {
  cases: Array<{ id: string; processKey: string; currentStageKey: string | null; status: string; outcome: string | null; createdAt: number }>;
  tasks: Array<{ instanceId: string }>;
  escalations: Array<{ instanceId: string; taskId: string | null }>;
}

/** A batch of ended stage visits, each with its case's process. */
export type VisitFacts = Array<{ processKey: string; stageKey: string; stageName: string; enteredAt: number; exitedAt: number }>;
/** A batch of decided tasks, each with its case's process. */
export type DecisionFacts = Array<{ processKey: string; stageKey: string | null; decision: string | null; createdAt: number }>;
/** A batch of sent messages, each with its case's process (null: about no case). */
export type MessageFacts = Array<{ processKey: string | null; kind: string; status: string; createdAt: number }>;

export type CaseRollup = Omit<ReportCaseRollupTable, 'id'>;
export type StageRollup = Omit<ReportStageRollupTable, 'id' | 'histogram' | 'totalMs'> & { totalMs: number; histogram: Histogram };
export type DecisionRollup = Omit<ReportDecisionRollupTable, 'id'>;
export type MessageRollup = Omit<ReportMessageRollupTable, 'id'>;

const dayOf = (ms: number) => Math.floor(ms / DAY_MS);

/**
 * Facts summed per rollup key. Each is dated as its report dates it: a case (with its tasks and
 * escalations) by its creation, a visit by its start, a decision by its task's creation, a message
 * by its writing; the process is always the case's.
 */
function summed<F, R>(facts: F[], key: (fact: F) => unknown[], row: (fact: F) => R, add: (row: R, fact: F) => void): R[] {
  const rows = new Map<string, R>();
  for (const fact of facts) {
    const k = JSON.stringify(key(fact));
    const current = rows.get(k) ?? row(fact);
    add(current, fact);
    rows.set(k, current);
  }
  return [...rows.values()];
}

export function rollUpCases(facts: ClosedCaseFacts): CaseRollup[] {
  const tasks = countBy(facts.tasks.map((t) => t.instanceId));
  const escalations = countBy(facts.escalations.map((e) => e.instanceId));
  // Distinct tasks: one task escalated twice is one escalated task.
  const escalatedTasks = countBy([...new Map(facts.escalations.filter((e) => e.taskId !== null).map((e) => [e.taskId, e.instanceId])).values()]);
  return summed(
    facts.cases,
    (c) => [dayOf(c.createdAt), c.processKey, c.currentStageKey, c.status, c.outcome],
    (c): CaseRollup => ({
      day: dayOf(c.createdAt), processKey: c.processKey, currentStageKey: c.currentStageKey, status: c.status, outcome: c.outcome,
      cases: 0, tasks: 0, escalations: 0, escalatedCases: 0, escalatedTasks: 0,
    }),
    (row, c) => {
      row.cases += 1;
      row.tasks += tasks.get(c.id) ?? 0;
      row.escalations += escalations.get(c.id) ?? 0;
      row.escalatedCases += escalations.has(c.id) ? 1 : 0;
      row.escalatedTasks += escalatedTasks.get(c.id) ?? 0;
    },
  );
}

/** Each visit counts twice: in its day's row and in its month's. */
export function rollUpVisits(visits: VisitFacts): StageRollup[] {
  const by = (span: RollupSpan, dayOfVisit: (v: VisitFacts[number]) => number) => summed(
    visits,
    (v) => [dayOfVisit(v), v.processKey, v.stageKey, v.stageName],
    (v): StageRollup => ({ span, day: dayOfVisit(v), processKey: v.processKey, stageKey: v.stageKey, stageName: v.stageName, visits: 0, totalMs: 0, histogram: new Map() }),
    (row, v) => {
      row.visits += 1;
      row.totalMs += v.exitedAt - v.enteredAt;
      addDuration(row.histogram, v.exitedAt - v.enteredAt);
    },
  );
  return [...by('day', (v) => dayOf(v.enteredAt)), ...by('month', (v) => monthOf(dayOf(v.enteredAt)))];
}

export function rollUpDecisions(decisions: DecisionFacts): DecisionRollup[] {
  return summed(
    decisions,
    (d) => [dayOf(d.createdAt), d.processKey, d.stageKey, d.decision],
    (d): DecisionRollup => ({ day: dayOf(d.createdAt), processKey: d.processKey, stageKey: d.stageKey, decision: d.decision, count: 0 }),
    (row) => (row.count += 1),
  );
}

export function rollUpMessages(messages: MessageFacts): MessageRollup[] {
  return summed(
    messages,
    (m) => [dayOf(m.createdAt), m.processKey, m.kind, m.status],
    (m): MessageRollup => ({ day: dayOf(m.createdAt), processKey: m.processKey, kind: m.kind, status: m.status, count: 0 }),
    (row) => (row.count += 1),
  );
}

function countBy(keys: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}
