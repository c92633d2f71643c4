import { stepById, type DesignDefinition } from './design-definition';
import { updateStage } from './stage-edits';

/** The reminders of the stage a stage step enters, as minutes before due, largest first. */
export function remindersOf(definition: DesignDefinition, stepId: string): number[] {
  const step = stepById(definition, stepId);
  if (step?.kind !== 'stage') return [];
  const stage = definition.stages.find((candidate) => candidate.key === step.stageKey);
  return (stage?.reminders ?? []).map((reminder) => reminder.beforeMinutes);
}

/**
 * Adds a reminder `beforeMinutes` before due, keeping them largest first (the order they go out in). A value
 * already listed, or one that is not a positive whole number, changes nothing: the backend refuses both.
 */
export function addStageReminder(definition: DesignDefinition, stepId: string, beforeMinutes: number): DesignDefinition {
  const current = remindersOf(definition, stepId);
  if (!Number.isInteger(beforeMinutes) || beforeMinutes < 1 || current.includes(beforeMinutes)) return definition;
  const reminders = [...current, beforeMinutes].sort((a, b) => b - a).map((minutes) => ({ beforeMinutes: minutes }));
  return updateStage(definition, stepId, { reminders });
}

/** Removes the reminder `beforeMinutes` before due; the last one removes the field. */
export function removeStageReminder(definition: DesignDefinition, stepId: string, beforeMinutes: number): DesignDefinition {
  const current = remindersOf(definition, stepId);
  if (!current.includes(beforeMinutes)) return definition;
  const rest = current.filter((minutes) => minutes !== beforeMinutes).map((minutes) => ({ beforeMinutes: minutes }));
  return updateStage(definition, stepId, { reminders: rest.length > 0 ? rest : undefined });
}

/** "24 h", "1 h 30 min", "45 min": hours stay hours, as designers think of reminders. */
export function formatBeforeMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}
