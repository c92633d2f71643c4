import type { FieldError } from '../common/validation';
import type { DecisionDefinition, EscalationStep, IntakeField, ProcessTable, StageDefinition } from '../database/tables';
import { checkIntakeDefinition } from './intake';
import type { DecisionDto, EscalationStepDto, IntakeFieldDto, StageDto } from './process-definition.dto';
import type { UpdateProcessDto } from './processes.dto';

/** The editable part of a process version. */
export type ProcessDefinition = Pick<
  ProcessTable,
  'name' | 'description' | 'entityTypes' | 'stages' | 'decisions' | 'intake' | 'calendarKey' | 'launchWebhookUrl'
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
] as const;

/** What a definition points at, to be looked up before it is accepted. */
export interface DefinitionReferences {
  queues: Set<string>;
  calendars: Set<string>;
  entityTypes: Set<string>;
  /** User ids and (lower-cased) emails. */
  users: Set<string>;
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
};

export function referencedNames(definition: ProcessDefinition): Record<keyof DefinitionReferences, string[]> {
  const steps = definition.stages.flatMap((stage) => stage.escalation ?? []);
  const unique = (values: Array<string | null | undefined>) => [...new Set(values.filter(given))];
  return {
    queues: unique([...definition.stages.map((s) => s.ownerQueue), ...steps.map((step) => step.toQueue)]),
    calendars: unique([definition.calendarKey, ...definition.stages.map((s) => s.calendar)]),
    entityTypes: unique(definition.entityTypes),
    users: unique(steps.map((step) => step.toUser)),
  };
}

/** Rules that span fields or need the database; the DTOs have already checked each field alone. */
export function checkDefinition(definition: ProcessDefinition, refs: DefinitionReferences): FieldError[] {
  const errors: FieldError[] = [];
  const add = (field: string, message: string) => errors.push({ field, messages: [message] });
  const firstIndex = new Map<string, number>();
  const once = (scope: string, value: string, field: string, index: number) => {
    const seen = firstIndex.get(`${scope}:${value}`);
    if (seen === undefined) firstIndex.set(`${scope}:${value}`, index);
    else add(field, `"${value}" is already used by ${scope}[${seen}]`);
  };

  if (definition.stages.length === 0) add('stages', 'a process needs at least one stage');
  definition.entityTypes.forEach((type, i) => {
    once('entityTypes', type, `entityTypes[${i}]`, i);
    if (!refs.entityTypes.has(type)) add(`entityTypes[${i}]`, `unknown entity type "${type}"`);
  });
  if (given(definition.calendarKey) && !refs.calendars.has(definition.calendarKey)) {
    add('calendarKey', `unknown calendar "${definition.calendarKey}"`);
  }
  definition.stages.forEach((stage, i) => {
    const at = `stages[${i}]`;
    once('stages', stage.key, `${at}.key`, i);
    if (given(stage.ownerQueue) && !refs.queues.has(stage.ownerQueue)) add(`${at}.ownerQueue`, `unknown queue "${stage.ownerQueue}"`);
    if (given(stage.calendar) && !refs.calendars.has(stage.calendar)) add(`${at}.calendar`, `unknown calendar "${stage.calendar}"`);
    if ((stage.escalation?.length ?? 0) > 0 && !given(stage.slaMinutes)) {
      add(`${at}.slaMinutes`, 'an escalation ladder needs an SLA to measure against');
    }
    (stage.escalation ?? []).forEach((step, j) => checkStep(step, given(stage.ownerQueue), `${at}.escalation[${j}]`, refs, add));
  });
  definition.decisions.forEach((decision, i) => once('decisions', decision.key, `decisions[${i}].key`, i));
  errors.push(...checkIntakeDefinition(definition.intake));
  return errors;
}

function checkStep(
  step: EscalationStep,
  stageHasOwner: boolean,
  at: string,
  refs: DefinitionReferences,
  add: (field: string, message: string) => void,
): void {
  if (given(step.atPercent) === given(step.afterBreachMinutes)) add(at, 'give exactly one of atPercent or afterBreachMinutes');
  // Without a target, an escalation goes to the supervisor queue of the stage's owner queue.
  if (step.action === 'escalate' && !given(step.toQueue) && !given(step.toUser) && !stageHasOwner) {
    add(at, 'an "escalate" step needs toQueue or toUser, or a stage ownerQueue whose supervisor queue takes it');
  }
  if (given(step.toQueue) && !refs.queues.has(step.toQueue)) add(`${at}.toQueue`, `unknown queue "${step.toQueue}"`);
  if (given(step.toUser) && !refs.users.has(step.toUser) && !refs.users.has(step.toUser.toLowerCase())) {
    add(`${at}.toUser`, `unknown user "${step.toUser}"`);
  }
}
