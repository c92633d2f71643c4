import { iso } from '../common/time';
import type { EntityTable, InstanceTable, StageVisitTable, TaskTable } from '../database/tables';

export interface RenderContextInput {
  instance: InstanceTable | null;
  entity: EntityTable | null;
  visit: StageVisitTable | null;
  task: TaskTable | null;
  /** The entity's outgoing relations: name → the related record. */
  related: Array<{ name: string; entity: EntityTable }>;
  data: Record<string, unknown>;
  publicUrl: string;
  now: number;
}

/**
 * What a template sees: `entity`, `related` (the entity's related records by relation name, each
 * shaped like `entity`), `instance`, `data` (the instance's data with the request's on top),
 * `stage`, `task`, `links` and `now`. Dates are ISO strings so the date helpers read them.
 */
export function buildRenderContext(input: RenderContextInput): Record<string, unknown> {
  const { instance, entity, visit, task } = input;
  const stage = visit
    ? { key: visit.stageKey, name: visit.stageName, enteredAt: iso(visit.enteredAt), slaDueAt: iso(visit.slaDueAt) }
    : null;
  const links: Record<string, string> = {};
  if (instance) links.instance = `${input.publicUrl}/instances/${instance.id}`;
  if (task) links.task = `${input.publicUrl}/tasks/${task.id}`;
  return {
    entity: entity ? entityContext(entity) : null,
    related: Object.fromEntries(input.related.map((r) => [r.name, entityContext(r.entity)])),
    instance: instance
      ? {
          id: instance.id,
          processKey: instance.processKey,
          processVersion: instance.processVersion,
          status: instance.status,
          outcome: instance.outcome,
          data: instance.data,
          currentStage: stage,
          createdAt: iso(instance.createdAt),
        }
      : null,
    data: { ...(instance?.data ?? {}), ...input.data },
    stage,
    task: task
      ? { id: task.id, title: task.title, priority: task.priority, status: task.status, dueAt: iso(task.dueAt) }
      : null,
    links,
    now: iso(input.now),
  };
}

const entityContext = (entity: EntityTable): Record<string, unknown> => ({
  id: entity.id,
  type: entity.type,
  externalId: entity.externalId,
  name: entity.name,
  email: entity.email,
  managerEmail: entity.managerEmail,
  attributes: entity.attributes,
});

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Preview data lays over a template's sample data field by field, so a preview can change one value. */
export function deepMerge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
    const current = merged[key];
    merged[key] = isPlainObject(current) && isPlainObject(value) ? deepMerge(current, value) : value;
  }
  return merged;
}
