import type { EscalationStep } from '../database/tables';
import { checkIntakeDefinition } from './intake';
import { flowReferenceProblems } from './flow-references';
import type { FieldError } from '../common/validation';
import type { FlowProblem, ProblemCode } from './process-flow';
import { type DefinitionReferences, knownUser, type ProcessDefinition } from './process-definition';

const given = <T>(value: T | null | undefined): value is T => value !== undefined && value !== null;

export type Report = (code: ProblemCode, field: string, message: string, stepId?: string) => void;

/**
 * Rules that span fields or need the database; the DTOs (and readFlow) have already checked each field
 * alone. Every problem here is an error: a definition that has one is not saved.
 */
export function definitionProblems(definition: ProcessDefinition, refs: DefinitionReferences): FlowProblem[] {
  const problems: FlowProblem[] = [];
  const add: Report = (code, field, message, stepId) =>
    problems.push({ code, field, message, severity: 'error', ...(stepId ? { stepId } : {}) });
  const firstIndex = new Map<string, number>();
  const once = (scope: string, value: string, field: string, index: number) => {
    const seen = firstIndex.get(`${scope}:${value}`);
    if (seen === undefined) firstIndex.set(`${scope}:${value}`, index);
    else add('invalid', field, `"${value}" is already used by ${scope}[${seen}]`);
  };

  if (definition.stages.length === 0) add('invalid', 'stages', 'a process needs at least one stage');
  definition.entityTypes.forEach((type, i) => {
    once('entityTypes', type, `entityTypes[${i}]`, i);
    if (!refs.entityTypes.has(type)) add('unknown-entity-type', `entityTypes[${i}]`, `unknown entity type "${type}"`);
  });
  if (given(definition.calendarKey) && !refs.calendars.has(definition.calendarKey)) {
    add('unknown-calendar', 'calendarKey', `unknown calendar "${definition.calendarKey}"`);
  }
  definition.stages.forEach((stage, i) => {
    const at = `stages[${i}]`;
    once('stages', stage.key, `${at}.key`, i);
    if (given(stage.ownerQueue) && !refs.queues.has(stage.ownerQueue)) add('unknown-queue', `${at}.ownerQueue`, `unknown queue "${stage.ownerQueue}"`);
    if (given(stage.calendar) && !refs.calendars.has(stage.calendar)) add('unknown-calendar', `${at}.calendar`, `unknown calendar "${stage.calendar}"`);
    if ((stage.escalation?.length ?? 0) > 0 && !given(stage.slaMinutes)) {
      add('invalid', `${at}.slaMinutes`, 'an escalation ladder needs an SLA to measure against');
    }
    (stage.escalation ?? []).forEach((step, j) => checkLadderStep(step, given(stage.ownerQueue), `${at}.escalation[${j}]`, refs, add));
    (stage.reminders ?? []).forEach((reminder, j, all) => {
      if (all.findIndex((other) => other.beforeMinutes === reminder.beforeMinutes) < j) {
        add('invalid', `${at}.reminders[${j}].beforeMinutes`, `a reminder ${reminder.beforeMinutes} minutes before is already listed`);
      }
    });
  });
  definition.decisions.forEach((decision, i) => once('decisions', decision.key, `decisions[${i}].key`, i));
  for (const error of checkIntakeDefinition(definition.intake)) for (const message of error.messages) add('invalid', error.field, message);
  if (definition.flow) flowReferenceProblems(definition.flow, definition, refs, add);
  return problems;
}

function checkLadderStep(step: EscalationStep, stageHasOwner: boolean, at: string, refs: DefinitionReferences, add: Report): void {
  if (given(step.atPercent) === given(step.afterBreachMinutes)) add('invalid', at, 'give exactly one of atPercent or afterBreachMinutes');
  // Without a target, an escalation goes to the supervisor queue of the stage's owner queue.
  if (step.action === 'escalate' && !given(step.toQueue) && !given(step.toUser) && !stageHasOwner) {
    add('invalid', at, 'an "escalate" step needs toQueue or toUser, or a stage ownerQueue whose supervisor queue takes it');
  }
  if (given(step.toQueue) && !refs.queues.has(step.toQueue)) add('unknown-queue', `${at}.toQueue`, `unknown queue "${step.toQueue}"`);
  if (given(step.toUser) && !knownUser(refs, step.toUser)) add('unknown-user', `${at}.toUser`, `unknown user "${step.toUser}"`);
}

/** The problems that stop a save, as the field errors of a 400. */
export function checkDefinition(definition: ProcessDefinition, refs: DefinitionReferences): FieldError[] {
  return definitionProblems(definition, refs).map(({ field = '', message }) => ({ field, messages: [message] }));
}
