import type { FlowStepKind } from '../../../../api/types';

/**
 * Each step kind as a schema (which fields it has, where they live, what they hold) plus a UI schema (label
 * and input), so the properties panel is generated from it; the backend checks the same fields.
 */
export type OptionSource = 'queues' | 'calendars' | 'templates' | 'units' | 'directions' | 'priorities';

export interface FieldSchema {
  /** The field's name on the step, or on the stage for `target: 'stage'`. */
  name: string;
  label: string;
  input: 'text' | 'number' | 'select' | 'checkbox';
  /** A stage step's stage fields live in the version's `stages[]` entry it enters. */
  target: 'step' | 'stage';
  options?: OptionSource;
  /** Left empty, the field is removed; the words say what empty means for a select. */
  empty?: string;
}

export interface StepSchema {
  title: string;
  fields: FieldSchema[];
  /** Editors that are more than one field. */
  lists: Array<'escalation' | 'reminders' | 'decisions'>;
}

const step = (name: string, label: string, input: FieldSchema['input'], more: Partial<FieldSchema> = {}): FieldSchema => ({ name, label, input, target: 'step', ...more });
const stage = (name: string, label: string, input: FieldSchema['input'], more: Partial<FieldSchema> = {}): FieldSchema => ({ name, label, input, target: 'stage', ...more });
const LABEL = step('label', 'Label', 'text', { empty: '' });

export const STEP_SCHEMAS: Record<FlowStepKind, StepSchema> = {
  start: { title: 'Start', fields: [LABEL], lists: [] },
  stage: {
    title: 'Stage',
    fields: [
      LABEL,
      stage('key', 'Stage key', 'text'),
      stage('name', 'Stage name', 'text'),
      stage('ownerQueue', 'Owner queue', 'select', { options: 'queues', empty: '— none —' }),
      stage('slaMinutes', 'SLA (minutes)', 'number', { empty: '' }),
      stage('stallAfterMinutes', 'Stall after (minutes)', 'number', { empty: '' }),
      stage('calendar', 'Calendar', 'select', { options: 'calendars', empty: "The process's" }),
    ],
    lists: ['escalation', 'reminders'],
  },
  decision: {
    title: 'Decision',
    fields: [
      LABEL,
      step('title', 'Title', 'text'),
      step('queue', 'Queue', 'select', { options: 'queues', empty: "The stage's owner queue" }),
      step('dueInMinutes', 'Due in (minutes)', 'number', { empty: '' }),
    ],
    lists: ['decisions'],
  },
  delay: {
    title: 'Delay',
    fields: [
      LABEL,
      step('anchorField', 'Anchor field', 'text'),
      step('amount', 'Amount', 'number'),
      step('unit', 'Unit', 'select', { options: 'units' }),
      step('direction', 'Direction', 'select', { options: 'directions' }),
    ],
    lists: [],
  },
  message: {
    title: 'Message',
    fields: [
      LABEL,
      step('template', 'Template', 'select', { options: 'templates' }),
      step('toEntity', 'To the entity', 'checkbox'),
      step('toManager', 'To the manager', 'checkbox'),
      step('toQueue', 'To queue', 'select', { options: 'queues', empty: '— none —' }),
    ],
    lists: [],
  },
  escalate: {
    title: 'Escalate',
    fields: [
      LABEL,
      step('reason', 'Reason', 'text'),
      step('toQueue', 'To queue', 'select', { options: 'queues', empty: '— none —' }),
      step('toUser', 'To user', 'text', { empty: '' }),
      step('priority', 'Priority', 'select', { options: 'priorities', empty: 'Unchanged' }),
    ],
    lists: [],
  },
  outcome: { title: 'Outcome', fields: [LABEL, step('outcome', 'Outcome', 'text')], lists: [] },
};

/** What a field's input holds, read back into the definition: numbers as numbers, an empty optional field removed. */
export function parseFieldValue(field: FieldSchema, raw: string | boolean): unknown {
  if (field.input === 'checkbox') return raw === true ? true : undefined;
  const text = String(raw);
  if (text === '' && field.empty !== undefined) return undefined;
  if (field.input === 'number' || field.name === 'priority') return text === '' ? undefined : Number(text);
  return text;
}
