import type { EntityTable, InstanceTable } from '../database/tables';

const ENTITY_COLUMNS = ['createdAt', 'updatedAt'] as const;
const INSTANCE_COLUMNS = ['createdAt', 'updatedAt'] as const;
const FORBIDDEN = new Set(['__proto__', 'prototype', 'constructor']);

/** Which anchor paths exist: data.<path>, entity.attributes.<path>, entity.<column>, instance.<column>. */
export function anchorPathError(path: string): string | null {
  const segments = path.split('.');
  if (segments.some((s) => s === '' || FORBIDDEN.has(s))) return 'is not a valid path';
  const [root, second] = segments;
  if (root === 'data' && segments.length >= 2) return null;
  if (root === 'entity' && second === 'attributes' && segments.length >= 3) return null;
  if (root === 'entity' && segments.length === 2 && (ENTITY_COLUMNS as readonly string[]).includes(second!)) return null;
  if (root === 'instance' && segments.length === 2 && (INSTANCE_COLUMNS as readonly string[]).includes(second!)) return null;
  return `must be data.<field>, entity.attributes.<field>, entity.${ENTITY_COLUMNS.join('|')} or instance.${INSTANCE_COLUMNS.join('|')}`;
}

/** The value at an anchor path, or undefined; only own properties are followed. */
export function readAnchor(path: string, instance: InstanceTable, entity: EntityTable | null): unknown {
  const [root, ...rest] = path.split('.');
  let value: unknown;
  if (root === 'data') value = instance.data;
  else if (root === 'instance') value = instance;
  else if (root === 'entity') value = entity;
  else return undefined;
  for (const segment of rest) {
    if (typeof value !== 'object' || value === null || !Object.prototype.hasOwnProperty.call(value, segment)) return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}
