import { newId } from '../../src/common/ids';
import type { Database } from '../../src/database/database';
import {
  CalendarTable,
  EntityTable,
  InstanceTable,
  ProcessTable,
  QueueMemberTable,
  QueueTable,
  StageVisitTable,
  TaskTable,
} from '../../src/database/tables';
import type { Clock } from '../../src/common/clock';

/**
 * Rows inserted straight into the database, for specs that need a case to act on without going
 * through (or waiting for) the API of the domain that owns it. Every helper takes overrides.
 */
export interface FixtureHost {
  db: Database;
  clock: Clock;
}

const unique = (): string => newId().slice(-8);

async function insert<T extends object>(t: FixtureHost, table: new () => T, row: T): Promise<T> {
  await t.db.transaction(() => t.db.insert(table, row));
  return row;
}

export function insertQueue(t: FixtureHost, overrides: Partial<QueueTable> = {}): Promise<QueueTable> {
  const key = overrides.key ?? `queue-${unique()}`;
  return insert(t, QueueTable, {
    id: newId(),
    key,
    name: `Queue ${key}`,
    description: '',
    calendarKey: null,
    supervisorQueueKey: null,
    createdAt: t.clock.now(),
    updatedAt: t.clock.now(),
    ...overrides,
  });
}

export async function addQueueMember(t: FixtureHost, queueId: string, userId: string): Promise<void> {
  await insert(t, QueueMemberTable, { queueId, userId, createdAt: t.clock.now() });
}

export function insertCalendar(t: FixtureHost, overrides: Partial<CalendarTable> = {}): Promise<CalendarTable> {
  const weekday: Array<[string, string]> = [['09:00', '17:00']];
  return insert(t, CalendarTable, {
    id: newId(),
    key: `calendar-${unique()}`,
    name: 'Office hours',
    timeZone: 'Europe/London',
    workingHours: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday, sat: [], sun: [] },
    holidays: [],
    createdAt: t.clock.now(),
    updatedAt: t.clock.now(),
    ...overrides,
  });
}

export function insertEntity(t: FixtureHost, overrides: Partial<EntityTable> = {}): Promise<EntityTable> {
  const externalId = overrides.externalId ?? `ext-${unique()}`;
  return insert(t, EntityTable, {
    id: newId(),
    type: 'booking',
    externalId,
    name: `Entity ${externalId}`,
    email: `${externalId}@example.test`,
    managerEmail: `manager-${externalId}@example.test`,
    attributes: {},
    createdAt: t.clock.now(),
    updatedAt: t.clock.now(),
    ...overrides,
  });
}

export function insertPublishedProcess(t: FixtureHost, overrides: Partial<ProcessTable> = {}): Promise<ProcessTable> {
  const key = overrides.key ?? `process-${unique()}`;
  return insert(t, ProcessTable, {
    id: newId(),
    key,
    version: 1,
    status: 'published',
    name: `Process ${key}`,
    description: '',
    entityTypes: ['booking'],
    stages: [
      { key: 'review', name: 'Review' },
      { key: 'approval', name: 'Approval' },
    ],
    decisions: [
      { key: 'approve', label: 'Approve' },
      { key: 'reject', label: 'Reject', commentRequired: true },
    ],
    calendarKey: null,
    launchWebhookUrl: null,
    intake: [],
    createdAt: t.clock.now(),
    updatedAt: t.clock.now(),
    publishedAt: t.clock.now(),
    ...overrides,
  });
}

/** An instance; creates a process and an entity for it unless given. */
export async function insertInstance(
  t: FixtureHost,
  overrides: Partial<InstanceTable> & { process?: ProcessTable; entity?: EntityTable } = {},
): Promise<InstanceTable> {
  const { process: givenProcess, entity: givenEntity, ...rest } = overrides;
  const process = givenProcess ?? (await insertPublishedProcess(t));
  const entity = givenEntity ?? (rest.entityId ? undefined : await insertEntity(t));
  return insert(t, InstanceTable, {
    id: newId(),
    processId: process.id,
    processKey: process.key,
    processVersion: process.version,
    entityId: entity?.id ?? rest.entityId!,
    status: 'active',
    currentStageKey: process.stages[0]?.key ?? null,
    outcome: null,
    data: {},
    n8nExecutionId: null,
    idempotencyKey: null,
    stalledAt: null,
    createdAt: t.clock.now(),
    updatedAt: t.clock.now(),
    closedAt: null,
    failure: null,
    ...rest,
  });
}

export function insertStageVisit(
  t: FixtureHost,
  instance: InstanceTable,
  overrides: Partial<StageVisitTable> = {},
): Promise<StageVisitTable> {
  const stageKey = overrides.stageKey ?? instance.currentStageKey ?? 'review';
  return insert(t, StageVisitTable, {
    id: newId(),
    instanceId: instance.id,
    processKey: instance.processKey,
    processVersion: instance.processVersion,
    stageKey,
    stageName: stageKey[0]!.toUpperCase() + stageKey.slice(1),
    ownerQueueId: null,
    assigneeId: null,
    note: null,
    enteredAt: t.clock.now(),
    exitedAt: null,
    slaDueAt: null,
    slaPausedAt: null,
    slaPausedMs: 0,
    breached: false,
    breachedAt: null,
    ladderFired: [],
    ...overrides,
  });
}

/** A task of the instance in the queue; open, priority 2, unassigned unless overridden. */
export function insertTask(
  t: FixtureHost,
  instance: InstanceTable,
  queue: QueueTable,
  overrides: Partial<TaskTable> = {},
): Promise<TaskTable> {
  return insert(t, TaskTable, {
    id: newId(),
    instanceId: instance.id,
    processKey: instance.processKey,
    processVersion: instance.processVersion,
    stageKey: instance.currentStageKey,
    queueId: queue.id,
    assigneeId: null,
    title: 'Review the case',
    instructions: '',
    decisions: [
      { key: 'approve', label: 'Approve' },
      { key: 'reject', label: 'Reject' },
    ],
    fields: [],
    dueAt: null,
    priority: 2,
    status: 'open',
    decision: null,
    comment: null,
    captured: null,
    decidedBy: null,
    decidedAt: null,
    resumeUrl: null,
    breachedAt: null,
    resumedAt: null,
    createdAt: t.clock.now(),
    updatedAt: t.clock.now(),
    ...overrides,
  });
}
