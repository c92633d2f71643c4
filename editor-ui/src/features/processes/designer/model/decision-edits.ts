import type { Decision, DecisionStep } from '../../../../api/types';
import { stepById, type DesignDefinition } from './design-definition';
import { freshName } from './new-step';

/**
 * A decision step's rows edit the process's `decisions[]` too, keeping them in step: every key a decision
 * step offers has an entry there (its label and whether a comment is required), shared by every step that offers it.
 */

export type DecisionRowPatch = Partial<Decision>;

const decisionStep = (definition: DesignDefinition, stepId: string): DecisionStep | undefined => {
  const step = stepById(definition, stepId);
  return step?.kind === 'decision' ? step : undefined;
};

const withStep = (definition: DesignDefinition, step: DecisionStep): DesignDefinition => ({
  ...definition,
  flow: { ...definition.flow, steps: definition.flow.steps.map((candidate) => (candidate.id === step.id ? step : candidate)) },
});

const usedElsewhere = (definition: DesignDefinition, stepId: string, key: string) =>
  definition.flow.steps.some((step) => step.id !== stepId && step.kind === 'decision' && step.decisions.includes(key));

/** A new row with a fresh key ("decision-2") and its entry in `decisions`. */
export function addDecisionRow(definition: DesignDefinition, stepId: string): DesignDefinition {
  const step = decisionStep(definition, stepId);
  if (!step) return definition;
  const key = freshName('decision', definition.decisions.map((decision) => decision.key));
  const decisions = [...definition.decisions, { key, label: `Decision ${key.slice('decision-'.length)}` }];
  return withStep({ ...definition, decisions }, { ...step, decisions: [...step.decisions, key] });
}

/** Renames a row's key (its paths follow) or sets its label or comment rule. */
export function updateDecisionRow(definition: DesignDefinition, stepId: string, index: number, patch: DecisionRowPatch): DesignDefinition {
  const step = decisionStep(definition, stepId);
  const oldKey = step?.decisions[index];
  if (!step || oldKey === undefined) return definition;
  const newKey = patch.key ?? oldKey;
  const current = definition.decisions.find((decision) => decision.key === oldKey) ?? { key: oldKey, label: oldKey };
  const entry: Decision = { ...current, ...patch, key: newKey };
  if (entry.commentRequired === false) delete entry.commentRequired;

  let decisions = definition.decisions;
  if (newKey !== oldKey && !usedElsewhere(definition, stepId, oldKey)) decisions = decisions.filter((decision) => decision.key !== oldKey);
  const taken = decisions.some((decision) => decision.key === newKey);
  decisions = taken ? decisions.map((decision) => (decision.key === newKey ? entry : decision)) : [...decisions, entry];

  const rows = step.decisions.map((key, i) => (i === index ? newKey : key));
  const links = definition.flow.links.map((link) => (link.from === stepId && link.on === oldKey ? { ...link, on: newKey } : link));
  return withStep({ ...definition, decisions, flow: { ...definition.flow, links } }, { ...step, decisions: rows });
}

/** Removes a row, its path, and its entry in `decisions` when no other step offers it. */
export function removeDecisionRow(definition: DesignDefinition, stepId: string, index: number): DesignDefinition {
  const step = decisionStep(definition, stepId);
  const key = step?.decisions[index];
  if (!step || key === undefined) return definition;
  const decisions = usedElsewhere(definition, stepId, key) ? definition.decisions : definition.decisions.filter((decision) => decision.key !== key);
  const links = definition.flow.links.filter((link) => !(link.from === stepId && link.on === key));
  return withStep({ ...definition, decisions, flow: { ...definition.flow, links } }, { ...step, decisions: step.decisions.filter((_, i) => i !== index) });
}
