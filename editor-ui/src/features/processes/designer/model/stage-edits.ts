import type { Stage } from '../../../../api/types';
import { withoutUndefined } from './plain-data';
import { stepById, type DesignDefinition } from './design-definition';

export type StagePatch = Partial<Record<keyof Stage, unknown>>;

/**
 * Edits the `stages[]` entry a stage step enters. A new key renames the stage everywhere it is named (every
 * stage step and decision step counted in it); a field set to undefined is removed.
 */
export function updateStage(definition: DesignDefinition, stepId: string, patch: StagePatch): DesignDefinition {
  const step = stepById(definition, stepId);
  if (step?.kind !== 'stage') return definition;
  const oldKey = step.stageKey;
  const existing = definition.stages.find((stage) => stage.key === oldKey);
  const stage = withoutUndefined({ ...(existing ?? { key: oldKey, name: oldKey }), ...patch }) as unknown as Stage;
  const stages = existing ? definition.stages.map((candidate) => (candidate === existing ? stage : candidate)) : [...definition.stages, stage];
  if (stage.key === oldKey) return { ...definition, stages };
  const steps = definition.flow.steps.map((candidate) => {
    if (candidate.kind === 'stage' && candidate.stageKey === oldKey) return { ...candidate, stageKey: stage.key };
    if (candidate.kind === 'decision' && candidate.stageKey === oldKey) return { ...candidate, stageKey: stage.key };
    return candidate;
  });
  return { ...definition, stages, flow: { ...definition.flow, steps } };
}
