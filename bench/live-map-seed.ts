/**
 * The history the live-map benchmark reads: one process ("bench-map", versions 1 and 2, four stages)
 * with `cases` cases created over the last 180 days, beside a neighbour process whose cases must not
 * count. Inserted in bulk through the app's own connection; deterministic, so runs compare. Its
 * cases (addCase) also make the year of history of year-of-history-seed.ts.
 */
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import * as tables from '../backend/dist/database/tables';

const MINUTE = 60_000;
export const DAY = 1_440 * MINUTE;
const STAGES = ['intake', 'review', 'approval', 'fulfilment'];
/** Stages whose visits raise a review task. */
const REVIEWED = new Set(['review', 'approval']);
const DECISIONS = ['approve', 'reject', 'more-info'];
const CHUNK = 400;

/** A small deterministic generator (mulberry32): the same history every run. */
export function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

async function insertAll(manager: EntityManager, table: EntityTarget<ObjectLiteral>, rows: ObjectLiteral[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await manager.createQueryBuilder().insert().into(table).values(rows.slice(i, i + CHUNK)).execute();
  }
}

export function processRow(key: string, version: number, now: number): ObjectLiteral {
  return {
    id: randomUUID(), key, version, status: 'published', name: key, description: '', entityTypes: ['booking'],
    stages: STAGES.map((stage) => ({ key: stage, name: stage })), decisions: DECISIONS.map((d) => ({ key: d, label: d })),
    calendarKey: null, launchWebhookUrl: null, intake: [], flow: null, createdAt: now, updatedAt: now, publishedAt: now,
  };
}

interface Seeded {
  visits: number;
  tasks: number;
}

/** Seeds `cases` cases of "bench-map" and `neighbours` of "bench-other"; returns how many visits and tasks. */
export async function seedHistory(source: DataSource, now: number, cases: number, neighbours: number): Promise<Seeded> {
  const next = random(42);
  const queueId = randomUUID();
  const entityIds = Array.from({ length: 1_000 }, () => randomUUID());
  const processes = [processRow('bench-map', 1, now), processRow('bench-map', 2, now), processRow('bench-other', 1, now)];
  await source.transaction(async (manager) => {
    await insertAll(manager, tables.QueueTable, [{ id: queueId, key: 'bench-review', name: 'Review', description: '', calendarKey: null, supervisorQueueKey: null, createdAt: now, updatedAt: now }]);
    await insertAll(manager, tables.EntityTable, entityIds.map((id, i) => ({
      id, type: 'booking', externalId: `B-${i}`, name: `Booking ${i}`, email: null, managerEmail: null, attributes: {}, createdAt: now, updatedAt: now,
    })));
    await insertAll(manager, tables.ProcessTable, processes);
  });
  let visits = 0;
  let tasks = 0;
  for (let start = 0; start < cases + neighbours; start += 5_000) {
    const batch = { instances: [] as ObjectLiteral[], visits: [] as ObjectLiteral[], tasks: [] as ObjectLiteral[] };
    for (let n = start; n < Math.min(start + 5_000, cases + neighbours); n++) {
      const process = n < cases ? processes[next() < 0.3 ? 0 : 1]! : processes[2]!;
      addCase(batch, next, now, process, entityIds[n % entityIds.length]!, queueId);
    }
    await source.transaction(async (manager) => {
      await insertAll(manager, tables.InstanceTable, batch.instances);
      await insertAll(manager, tables.StageVisitTable, batch.visits);
      await insertAll(manager, tables.TaskTable, batch.tasks);
    });
    visits += batch.visits.length;
    tasks += batch.tasks.length;
  }
  return { visits, tasks };
}

/** How a seeded history is spread: over how many days cases were created, and the share of them closed. */
export interface HistoryShape {
  days: number;
  closedShare: number;
}

export interface CaseRows {
  instances: ObjectLiteral[];
  visits: ObjectLiteral[];
  tasks: ObjectLiteral[];
}

/** One case: created in the last `shape.days` days, through one to four stages, closed (`shape.closedShare`) or still open. */
export function addCase(batch: CaseRows, next: () => number, now: number, process: ObjectLiteral, entityId: string, queueId: string, shape: HistoryShape = { days: 180, closedShare: 0.7 }): void {
  const id = randomUUID();
  const createdAt = now - Math.floor(next() * shape.days * DAY);
  const closed = next() < shape.closedShare;
  const stageCount = 1 + Math.floor(next() * STAGES.length);
  let at = createdAt;
  let current: string | null = null;
  for (let s = 0; s < stageCount && at < now; s++) {
    const duration = Math.floor(10 * MINUTE + next() * next() * 3 * DAY);
    const last = s === stageCount - 1;
    const exitedAt = last && !closed ? null : Math.min(at + duration, now);
    const stageKey = STAGES[s]!;
    batch.visits.push({
      id: randomUUID(), instanceId: id, processKey: process.key, processVersion: process.version, stageKey, stageName: stageKey, ownerQueueId: queueId, assigneeId: null, note: null,
      enteredAt: at, exitedAt, slaDueAt: at + DAY, slaPausedAt: null, slaPausedMs: 0,
      breached: exitedAt === null && at + DAY < now && next() < 0.5, breachedAt: null, ladderFired: [],
    });
    if (REVIEWED.has(stageKey)) batch.tasks.push({ ...taskRow(id, stageKey, queueId, at, exitedAt, DECISIONS[Math.floor(next() * 3)]!, next()), processKey: process.key, processVersion: process.version });
    current = exitedAt === null ? stageKey : current;
    at = exitedAt ?? at;
  }
  const status = closed ? (next() < 0.85 ? 'completed' : 'cancelled') : (['active', 'waiting', 'failed'] as const)[Math.floor(next() * 2.2)]!;
  batch.instances.push({
    id, processId: process.id, processKey: process.key, processVersion: process.version, entityId, status,
    currentStageKey: closed ? STAGES[stageCount - 1] : current, outcome: status === 'completed' ? (next() < 0.7 ? 'approved' : 'rejected') : null,
    data: {}, n8nExecutionId: null, idempotencyKey: null, stalledAt: !closed && next() < 0.1 ? now - DAY : null,
    createdAt, updatedAt: at, closedAt: closed ? at : null, failure: null,
  });
}

export function taskRow(instanceId: string, stageKey: string, queueId: string, createdAt: number, decidedAt: number | null, decision: string, dueFraction: number): ObjectLiteral {
  return {
    id: randomUUID(), instanceId, stageKey, queueId, assigneeId: null, title: `Decide ${stageKey}`, instructions: '',
    decisions: DECISIONS.map((d) => ({ key: d, label: d })), fields: [], dueAt: createdAt + Math.floor(dueFraction * 4 * DAY), priority: 2,
    status: decidedAt === null ? 'open' : 'decided', decision: decidedAt === null ? null : decision, comment: null, captured: null,
    decidedBy: null, decidedAt, resumeUrl: null, breachedAt: null, resumedAt: null, createdAt, updatedAt: decidedAt ?? createdAt,
  };
}
