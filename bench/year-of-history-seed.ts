/**
 * A year of history for the year-of-history bench: `cases` closed cases spread over 365 days across
 * ten processes (the live-map seed's cases: stage visits, decided tasks), with what they leave behind
 * (events, messages, delivered calls in the outbox, a few escalations), plus `openTasks` open cases
 * each waiting on one open task in one of four queues. Deterministic, so runs compare.
 *
 * Rows go in a few thousand at a statement, 10,000 cases per transaction, into the schema the
 * migrations made (its secondary indexes built again after the load): the TypeORM query builder the
 * live-map seed uses spends more time building statements than the database spends running them,
 * which at ten million rows is the difference between minutes and most of an hour.
 */
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import * as tables from '../backend/dist/database/tables';
import { CaseRows, DAY, addCase, processRow, random, taskRow } from './live-map-seed';

export const PROCESSES = Array.from({ length: 10 }, (_, i) => `year-${String(i + 1).padStart(2, '0')}`);
export const QUEUES = ['claims', 'billing', 'onboarding', 'referrals'];
const BATCH = 10_000;
/** Bound parameters per SQLite statement, under its limit of 32,766. */
const SQLITE_PARAMETERS = 30_000;
const PG_ROWS = 10_000;
/** The tables a batch of cases writes, in the order their foreign keys need. */
const SEEDED = [tables.InstanceTable, tables.StageVisitTable, tables.TaskTable, tables.EventTable, tables.MessageTable, tables.EscalationTable];

interface YearRows extends CaseRows {
  events: ObjectLiteral[];
  messages: ObjectLiteral[];
  escalations: ObjectLiteral[];
}

/**
 * Writes rows of one table, values prepared as TypeORM would (JSON, booleans, times): on PostgreSQL
 * one INSERT … SELECT FROM unnest() of a typed array per column (a statement with tens of thousands
 * of bound parameters costs PostgreSQL more to bind than to insert), on SQLite multi-row INSERTs.
 */
async function insertRows(manager: EntityManager, table: EntityTarget<ObjectLiteral>, rows: ObjectLiteral[]): Promise<void> {
  if (rows.length === 0) return;
  const metadata = manager.connection.getMetadata(table);
  const driver = manager.connection.driver;
  const columns = metadata.columns.filter((c) => !c.isGenerated);
  const head = `INSERT INTO ${driver.escape(metadata.tableName)} (${columns.map((c) => driver.escape(c.databaseName)).join(', ')}) `;
  const prepared = (row: ObjectLiteral, column: ColumnMetadata) => driver.preparePersistentValue(valueOf(row, column), column);
  if (driver.options.type === 'postgres') {
    const arrays = columns.map((c, i) => `$${i + 1}::${driver.normalizeType(c)}[]`);
    for (let start = 0; start < rows.length; start += PG_ROWS) {
      const chunk = rows.slice(start, start + PG_ROWS);
      await manager.query(`${head}SELECT * FROM unnest(${arrays.join(', ')})`, columns.map((column) => chunk.map((row) => prepared(row, column))));
    }
    return;
  }
  const perStatement = Math.floor(SQLITE_PARAMETERS / columns.length);
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    await manager.query(`${head}VALUES ${chunk.map(() => tuple).join(', ')}`, chunk.flatMap((row) => columns.map((column) => prepared(row, column))));
  }
}

/** The row's value, else the column's default (a JSON column's default is already its stored text). */
function valueOf(row: ObjectLiteral, column: ColumnMetadata): unknown {
  const value = row[column.propertyName];
  if (value !== undefined) return value;
  if (column.default !== undefined) return column.type === 'simple-json' ? JSON.parse(String(column.default)) : column.default;
  if (column.isNullable) return null;
  throw new Error(`seed row has no value for ${column.entityMetadata.tableName}.${column.databaseName}, which has no default`);
}

/**
 * Runs `load` with the secondary indexes of `tableNames` dropped, then creates them again from their
 * own definitions: building an index once over sorted rows is several times faster than keeping it
 * up to date through ten million random inserts, and the schema ends exactly as the migrations made it.
 * Primary keys and unique constraints stay.
 */
async function withoutIndexes(source: DataSource, tableNames: string[], load: () => Promise<void>): Promise<void> {
  const postgres = source.driver.options.type === 'postgres';
  const listed: Array<{ name: string; definition: string }> = [];
  for (const table of tableNames) {
    listed.push(...(await source.query(postgres
      ? `SELECT i.relname AS name, pg_get_indexdef(i.oid) AS definition FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
         WHERE x.indrelid = $1::regclass AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.oid)`
      : "SELECT name, sql AS definition FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL", [table])));
  }
  for (const index of listed) await source.query(`DROP INDEX ${source.driver.escape(index.name)}`);
  await load();
  for (const index of listed) await source.query(index.definition);
}

/** Seeds the year; `assigneeId` is the user whose inbox "mine" shows the claimed share of the open tasks. */
export async function seedYear(source: DataSource, now: number, cases: number, openTasks: number, assigneeId: string): Promise<void> {
  const tableName = (table: EntityTarget<ObjectLiteral>) => source.getMetadata(table).tableName;
  await withoutIndexes(source, [...SEEDED, tables.OutboxTable].map(tableName), async () => {
    await seedRows(source, now, cases, openTasks, assigneeId);
    await seedOutbox(source);
  });
}

/**
 * The calls the year left in the outbox, which keeps them once delivered: a resume of the n8n
 * execution for each decided task, an email for each message (dead when the message failed). Made
 * by the database from the seeded rows, whose ids they reuse (an outbox row is its own table's).
 */
export async function seedOutbox(source: DataSource): Promise<void> {
  const columns = 'id, kind, target, payload, idempotency_key, instance_id, status, attempts, max_attempts, next_attempt_at, locked_until, last_error, created_at, delivered_at';
  await source.query(`INSERT INTO outbox (${columns})
    SELECT id, 'n8n_resume', 'http://n8n.invalid/webhook-waiting/' || id, '{}', 'task:' || id || ':decided', instance_id, 'delivered', 1, 8, decided_at, NULL, NULL, decided_at, decided_at
    FROM tasks WHERE status = 'decided'`);
  await source.query(`INSERT INTO outbox (${columns})
    SELECT id, 'email', NULL, '{}', 'message:' || id, instance_id, CASE status WHEN 'failed' THEN 'dead' ELSE 'delivered' END, 1, 8, created_at, NULL, error, created_at, sent_at
    FROM messages`);
}

async function seedRows(source: DataSource, now: number, cases: number, openTasks: number, assigneeId: string): Promise<void> {
  const next = random(365);
  const queueIds = QUEUES.map(() => randomUUID());
  const entityIds = Array.from({ length: 20_000 }, () => randomUUID());
  const processes = PROCESSES.map((key) => processRow(key, 1, now));
  await source.transaction(async (manager) => {
    await insertRows(manager, tables.QueueTable, QUEUES.map((key, i) => ({ id: queueIds[i], key, name: key, description: '', createdAt: now, updatedAt: now })));
    await insertRows(manager, tables.EntityTable, entityIds.map((id, i) => ({
      id, type: 'booking', externalId: `Y-${i}`, name: `Booking ${i}`, email: null, managerEmail: null, attributes: {}, createdAt: now, updatedAt: now,
    })));
    await insertRows(manager, tables.ProcessTable, processes);
  });
  const postgres = source.driver.options.type === 'postgres';
  const total = cases + openTasks;
  for (let start = 0; start < total; start += BATCH) {
    const rows: YearRows = { instances: [], visits: [], tasks: [], events: [], messages: [], escalations: [] };
    for (let n = start; n < Math.min(start + BATCH, total); n++) {
      const p = n % processes.length;
      const entityId = entityIds[n % entityIds.length]!;
      if (n < cases) addCase(rows, next, now, processes[p]!, entityId, queueIds[p % QUEUES.length]!, { days: 365, closedShare: 1 });
      else addOpenCase(rows, next, now, processes[p]!, entityId, queueIds[n % QUEUES.length]!, assigneeId);
    }
    addAftermath(rows, next, now);
    await source.transaction(async (manager) => {
      // The rows point only at rows inserted before them, so PostgreSQL's per-row foreign-key triggers,
      // a good part of the load's time, would find nothing wrong; SQLite's checks are cheap lookups and stay.
      if (postgres) await manager.query('SET LOCAL session_replication_role = replica');
      const lists = [rows.instances, rows.visits, rows.tasks, rows.events, rows.messages, rows.escalations];
      for (const [i, table] of SEEDED.entries()) await insertRows(manager, table, lists[i]!);
    });
  }
}

/**
 * A case of the last 30 days past intake and waiting in review on one open task: due from two days
 * ago to five days ahead, priority 1 to 4, one in twenty claimed by `assigneeId`.
 */
function addOpenCase(rows: YearRows, next: () => number, now: number, process: ObjectLiteral, entityId: string, queueId: string, assigneeId: string): void {
  const id = randomUUID();
  const createdAt = now - Math.floor(next() * 30 * DAY);
  const reviewAt = createdAt + Math.floor(next() * (now - createdAt));
  const visit = { instanceId: id, processKey: process.key, processVersion: process.version, ownerQueueId: queueId, assigneeId: null, note: null, slaPausedAt: null, slaPausedMs: 0, breachedAt: null, ladderFired: [] };
  rows.visits.push(
    { ...visit, id: randomUUID(), stageKey: 'intake', stageName: 'intake', enteredAt: createdAt, exitedAt: reviewAt, slaDueAt: createdAt + DAY, breached: false },
    { ...visit, id: randomUUID(), stageKey: 'review', stageName: 'review', enteredAt: reviewAt, exitedAt: null, slaDueAt: reviewAt + DAY, breached: reviewAt + DAY < now },
  );
  const claimed = next() < 0.05;
  rows.tasks.push({
    ...taskRow(id, 'review', queueId, reviewAt, null, '', 0), processKey: process.key, processVersion: process.version,
    dueAt: now + Math.floor((next() * 7 - 2) * DAY), priority: 1 + Math.floor(next() * 4),
    status: claimed ? 'claimed' : 'open', assigneeId: claimed ? assigneeId : null,
  });
  rows.instances.push({
    id, processId: process.id, processKey: process.key, processVersion: process.version, entityId, status: next() < 0.5 ? 'active' : 'waiting',
    currentStageKey: 'review', outcome: null, data: {}, n8nExecutionId: null, idempotencyKey: null, stalledAt: null,
    createdAt, updatedAt: reviewAt, closedAt: null, failure: null,
  });
}

/**
 * What the batch's cases left behind: an event when each was launched, entered a stage, got a task
 * and had it decided; a message to the customer when one completed (one in twenty failed); and an
 * escalation on one decided task in thirty.
 */
function addAftermath(rows: YearRows, next: () => number, now: number): void {
  const entityOf = new Map(rows.instances.map((i) => [i.id as string, i.entityId as string]));
  const event = (type: string, instanceId: string, taskId: string | null, createdAt: number) => rows.events.push({
    id: randomUUID(), type, instanceId, entityId: entityOf.get(instanceId) ?? null, taskId, actorType: 'system', actorId: null, actorName: null, data: {}, createdAt,
  });
  for (const i of rows.instances) event('instance.launched', i.id, null, i.createdAt);
  for (const v of rows.visits) event('stage.entered', v.instanceId, null, v.enteredAt);
  for (const t of rows.tasks) {
    event('task.created', t.instanceId, t.id, t.createdAt);
    if (t.decidedAt !== null) event('task.decided', t.instanceId, t.id, t.decidedAt);
    if (t.decidedAt !== null && next() < 1 / 30) {
      rows.escalations.push({
        id: randomUUID(), instanceId: t.instanceId, taskId: t.id, ladderStep: 0, action: 'escalate', reason: 'Overdue', fromQueueId: t.queueId, toQueueId: t.queueId,
        fromUserId: null, toUserId: null, priority: null, actor: 'system', createdAt: Math.min(t.dueAt, now),
      });
    }
  }
  for (const i of rows.instances.filter((c) => c.status === 'completed')) {
    const failed = next() < 0.05;
    rows.messages.push({
      id: randomUUID(), instanceId: i.id, templateKey: 'closed', templateVersion: 1, channel: 'email', kind: 'customer', recipients: ['customer@example.test'],
      subject: 'Your booking', html: '<p>Your booking is settled.</p>', text: 'Your booking is settled.', attachments: [],
      status: failed ? 'failed' : 'sent', error: failed ? 'mailbox full' : null, createdAt: i.closedAt, sentAt: failed ? null : i.closedAt,
    });
  }
}
