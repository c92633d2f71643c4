import type { FlowLink, FlowPosition, FlowStep } from '../../../../api/types';
import type { DesignDefinition } from './design-definition';
import { withoutUndefined } from './plain-data';

/**
 * Edits of the flow as pure functions: each takes a definition and returns a new one (the store keeps the
 * old one for undo), never changing its argument.
 */

type StepPatch = Record<string, unknown>;

/** Sets fields of a step; a field set to undefined is removed (an optional field left empty). */
export function updateStep(definition: DesignDefinition, id: string, patch: StepPatch): DesignDefinition {
  const steps = definition.flow.steps.map((step) => {
    if (step.id !== id) return step;
    return withoutUndefined({ ...step, ...patch }) as unknown as FlowStep;
  });
  return { ...definition, flow: { ...definition.flow, steps } };
}

export function addStep(definition: DesignDefinition, step: FlowStep, stage?: { key: string; name: string }): DesignDefinition {
  return {
    ...definition,
    stages: stage ? [...definition.stages, stage] : definition.stages,
    flow: { ...definition.flow, steps: [...definition.flow.steps, step] },
  };
}

/**
 * Removes steps (never the start) with every link to or from them, and the stages and decisions only
 * they used; stages and decisions no step ever used (a version drawn from its stage list) stay.
 */
export function removeSteps(definition: DesignDefinition, ids: Iterable<string>): DesignDefinition {
  const removed = new Set([...ids].filter((id) => definition.flow.steps.some((step) => step.id === id && step.kind !== 'start')));
  if (removed.size === 0) return definition;
  const steps = definition.flow.steps.filter((step) => !removed.has(step.id));
  const links = definition.flow.links.filter((link) => !removed.has(link.from) && !removed.has(link.to));
  return pruneUnused(definition, { ...definition, flow: { steps, links } });
}

export function removeLinks(definition: DesignDefinition, links: FlowLink[]): DesignDefinition {
  const gone = new Set(links.map(linkKey));
  return { ...definition, flow: { ...definition.flow, links: definition.flow.links.filter((link) => !gone.has(linkKey(link))) } };
}

const linkKey = (link: FlowLink) => `${link.from}\u0000${link.to}\u0000${link.on ?? ''}`;

/**
 * Points the path out of `from` taken on `on` (no `on`: a plain step's one way on) at `to`, or removes it
 * when `to` is null: one link per path, so choosing a new target replaces the old one.
 */
export function setLink(definition: DesignDefinition, from: string, on: string | undefined, to: string | null): DesignDefinition {
  const others = definition.flow.links.filter((link) => !(link.from === from && link.on === on));
  const links = to === null ? others : [...others, on === undefined ? { from, to } : { from, to, on }];
  return { ...definition, flow: { ...definition.flow, links } };
}

/** Places steps where they were dropped; unchanged when every step is already there (a click is no move). */
export function moveSteps(definition: DesignDefinition, positions: Map<string, FlowPosition>): DesignDefinition {
  let moved = false;
  const steps = definition.flow.steps.map((step) => {
    const position = positions.get(step.id);
    if (!position || (step.position && step.position.x === position.x && step.position.y === position.y)) return step;
    moved = true;
    return { ...step, position: { x: position.x, y: position.y } };
  });
  return moved ? { ...definition, flow: { ...definition.flow, steps } } : definition;
}

const stageKeysOf = (definition: DesignDefinition) =>
  new Set(definition.flow.steps.flatMap((step) => (step.kind === 'stage' ? [step.stageKey] : [])));
const decisionKeysOf = (definition: DesignDefinition) =>
  new Set(definition.flow.steps.flatMap((step) => (step.kind === 'decision' ? step.decisions : [])));

/** Drops the stages and decisions `before` used and `after` no longer does. */
export function pruneUnused(before: DesignDefinition, after: DesignDefinition): DesignDefinition {
  const stagesBefore = stageKeysOf(before);
  const stagesAfter = stageKeysOf(after);
  const decisionsBefore = decisionKeysOf(before);
  const decisionsAfter = decisionKeysOf(after);
  return {
    ...after,
    stages: after.stages.filter((stage) => !stagesBefore.has(stage.key) || stagesAfter.has(stage.key)),
    decisions: after.decisions.filter((decision) => !decisionsBefore.has(decision.key) || decisionsAfter.has(decision.key)),
  };
}
