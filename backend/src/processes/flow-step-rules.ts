import { anchorPathError } from '../timers/anchor';
import { DELAY_UNITS, type FlowStepKind } from './process-flow';

/** A rule for one field: null when the value is fine, else what is wrong (after the field's name). */
export type FieldRule = (value: unknown) => string | null;

export interface FieldSpec {
  rule: FieldRule;
  required: boolean;
}

/** Ten years, as for stage SLAs: long enough for any wait, short enough that due times stay exact. */
export const MAX_MINUTES = 10 * 365 * 24 * 60;
export const STEP_ID = /^[A-Za-z0-9_-]{1,100}$/;
export const MAX_STEPS = 200;
export const MAX_LINKS = 400;
export const MAX_LABEL = 200;

export const text =
  (max: number): FieldRule =>
  (value) =>
    typeof value === 'string' && value.length >= 1 && value.length <= max ? null : `must be a string of 1 to ${max} characters`;

export const integer =
  (min: number, max: number): FieldRule =>
  (value) =>
    Number.isInteger(value) && (value as number) >= min && (value as number) <= max ? null : `must be an integer from ${min} to ${max}`;

const oneOf =
  (values: readonly string[]): FieldRule =>
  (value) =>
    typeof value === 'string' && values.includes(value) ? null : `must be one of: ${values.join(', ')}`;

const bool: FieldRule = (value) => (typeof value === 'boolean' ? null : 'must be true or false');

const finite = (value: unknown): boolean => typeof value === 'number' && Number.isFinite(value);
const position: FieldRule = (value) => {
  const point = value as { x?: unknown; y?: unknown } | null;
  const exact = typeof point === 'object' && point !== null && !Array.isArray(point) && Object.keys(point).every((key) => key === 'x' || key === 'y');
  return exact && finite(point.x) && finite(point.y) ? null : 'must be { x, y } with two finite numbers';
};

const anchor: FieldRule = (value) => text(200)(value) ?? anchorPathError(value as string);

/** Decision keys, each once: the paths a decision step offers. */
const decisionKeys: FieldRule = (value) => {
  if (!Array.isArray(value) || value.length < 1 || value.length > 50) return 'must be a list of 1 to 50 decision keys';
  if (value.some((key) => text(100)(key) !== null)) return 'must hold decision keys of 1 to 100 characters';
  return new Set(value).size === value.length ? null : 'must not name a decision twice';
};

const required = (rule: FieldRule): FieldSpec => ({ rule, required: true });
const optional = (rule: FieldRule): FieldSpec => ({ rule, required: false });

/** Every step has these; `id` and `kind` are read first, because the rest depends on them. */
export const COMMON_FIELDS: Record<string, FieldSpec> = {
  label: optional(text(MAX_LABEL)),
  position: optional(position),
};

/** The fields of each kind of step, mirroring the types in process-flow.ts. */
export const FIELDS_BY_KIND: Record<FlowStepKind, Record<string, FieldSpec>> = {
  start: {},
  stage: { stageKey: required(text(100)) },
  decision: {
    title: required(text(200)),
    decisions: required(decisionKeys),
    stageKey: optional(text(100)),
    queue: optional(text(100)),
    dueInMinutes: optional(integer(1, MAX_MINUTES)),
  },
  delay: {
    anchorField: required(anchor),
    amount: required(integer(0, 1_000_000)),
    unit: required(oneOf(DELAY_UNITS)),
    direction: required(oneOf(['after', 'before'])),
  },
  message: {
    template: required(text(100)),
    toEntity: optional(bool),
    toManager: optional(bool),
    toQueue: optional(text(100)),
    addresses: optional(text(2000)),
  },
  escalate: {
    reason: required(text(500)),
    toQueue: optional(text(100)),
    toUser: optional(text(320)),
    priority: optional(integer(1, 4)),
  },
  outcome: { outcome: required(text(100)) },
};

export const LINK_FIELDS: Record<string, FieldSpec> = {
  from: required(text(100)),
  to: required(text(100)),
  on: optional(text(100)),
};
