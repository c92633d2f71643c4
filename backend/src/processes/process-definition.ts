import type { DecisionDefinition, EscalationStep, IntakeField, ProcessTable, StageDefinition } from '../database/tables';
import { readFlow } from './flow-shape';
import type { ProcessFlow } from './process-flow';
import type { DecisionDto, EscalationStepDto, IntakeFieldDto, StageDto } from './process-definition.dto';
import type { UpdateProcessDto } from './processes.dto';

/** The editable part of a process version. */
export type ProcessDefinition = Pick<
  ProcessTable,
  'name' | 'description' | 'entityTypes' | 'stages' | 'decisions' | 'intake' | 'calendarKey' | 'launchWebhookUrl' | 'flow'
>;

export const DEFINITION_FIELDS = [
  'name',
  'description',
  'entityTypes',
  'stages',
  'decisions',
  'intake',
  'calendarKey',
  'launchWebhookUrl',
  'flow',
] as const;

/** What a definition points at, to be looked up before it is accepted. */
export interface DefinitionReferences {
  queues: Set<string>;
  calendars: Set<string>;
  entityTypes: Set<string>;
  /** User ids and (lower-cased) emails. */
  users: Set<string>;
  /** Message template keys. */
  templates: Set<string>;
}

const given = <T>(value: T | null | undefined): value is T => value !== undefined && value !== null;

/** Copies only the fields a definition has, so stored JSON holds no nulls or request leftovers. */
function toStep(step: EscalationStepDto): EscalationStep {
  const out: EscalationStep = { action: step.action };
  if (given(step.atPercent)) out.atPercent = step.atPercent;
  if (given(step.afterBreachMinutes)) out.afterBreachMinutes = step.afterBreachMinutes;
  if (given(step.toQueue)) out.toQueue = step.toQueue;
  if (given(step.toUser)) out.toUser = step.toUser;
  if (given(step.priority)) out.priority = step.priority;
  if (given(step.template)) out.template = step.template;
  return out;
}

export function toStageDefinition(stage: StageDto): StageDefinition {
  const out: StageDefinition = { key: stage.key, name: stage.name };
  if (given(stage.ownerQueue)) out.ownerQueue = stage.ownerQueue;
  if (given(stage.slaMinutes)) out.slaMinutes = stage.slaMinutes;
  if (given(stage.stallAfterMinutes)) out.stallAfterMinutes = stage.stallAfterMinutes;
  if (given(stage.calendar)) out.calendar = stage.calendar;
  if (given(stage.escalation) && stage.escalation.length > 0) out.escalation = stage.escalation.map(toStep);
  if (given(stage.reminders) && stage.reminders.length > 0) out.reminders = stage.reminders.map((r) => ({ beforeMinutes: r.beforeMinutes }));
  return out;
}

const toDecision = (decision: DecisionDto): DecisionDefinition =>
  given(decision.commentRequired)
    ? { key: decision.key, label: decision.label, commentRequired: decision.commentRequired }
    : { key: decision.key, label: decision.label };

/** `required` is always stored, so a definition reads the same whether or not it was spelled out. */
function toIntakeField(field: IntakeFieldDto): IntakeField {
  const out: IntakeField = { path: field.path, label: field.label, type: field.type, required: field.required === true };
  if (given(field.help)) out.help = field.help;
  if (given(field.options)) out.options = field.options;
  return out;
}

/** The definition after applying an edit: left-out fields keep their value, null clears a nullable one. */
export function applyEdit(current: ProcessDefinition, edit: UpdateProcessDto): ProcessDefinition {
  return {
    name: edit.name ?? current.name,
    description: edit.description ?? current.description,
    entityTypes: edit.entityTypes ?? current.entityTypes,
    stages: edit.stages ? edit.stages.map(toStageDefinition) : current.stages,
    decisions: edit.decisions ? edit.decisions.map(toDecision) : current.decisions,
    intake: edit.intake ? edit.intake.map(toIntakeField) : current.intake,
    calendarKey: edit.calendarKey === undefined ? current.calendarKey : edit.calendarKey,
    launchWebhookUrl: edit.launchWebhookUrl === undefined ? current.launchWebhookUrl : edit.launchWebhookUrl,
    flow: edit.flow === undefined ? (current.flow ?? null) : toFlow(edit.flow),
  };
}

export const EMPTY_DEFINITION: ProcessDefinition = {
  name: '',
  description: '',
  entityTypes: [],
  stages: [],
  decisions: [],
  intake: [],
  calendarKey: null,
  launchWebhookUrl: null,
  flow: null,
};

/** A copy with only the fields a flow has (its shape was checked with assertFlowShape). */
const toFlow = (flow: ProcessFlow | null): ProcessFlow | null => (flow === null ? null : readFlow(flow).flow);

export function referencedNames(definition: ProcessDefinition): Record<keyof DefinitionReferences, string[]> {
  const ladders = definition.stages.flatMap((stage) => stage.escalation ?? []);
  const steps = definition.flow?.steps ?? [];
  const unique = (values: Array<string | null | undefined>) => [...new Set(values.filter(given))];
  return {
    queues: unique([
      ...definition.stages.map((s) => s.ownerQueue),
      ...ladders.map((step) => step.toQueue),
      ...steps.map((step) => (step.kind === 'decision' ? step.queue : step.kind === 'message' || step.kind === 'escalate' ? step.toQueue : undefined)),
    ]),
    calendars: unique([definition.calendarKey, ...definition.stages.map((s) => s.calendar)]),
    entityTypes: unique(definition.entityTypes),
    users: unique([...ladders.map((step) => step.toUser), ...steps.map((step) => (step.kind === 'escalate' ? step.toUser : undefined))]),
    templates: unique(steps.map((step) => (step.kind === 'message' ? step.template : undefined))),
  };
}

export const knownUser = (refs: DefinitionReferences, user: string): boolean => refs.users.has(user) || refs.users.has(user.toLowerCase());
