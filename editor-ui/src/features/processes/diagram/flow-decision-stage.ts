import type { DecisionStep, ProcessFlow } from '../../../api/types';

/**
 * The stage a decision step's task counts in: its own `stageKey`, else the nearest stage step on the
 * paths leading to it (breadth-first backwards), else none. The backend's stageKeyOfDecision, for the UI.
 */
export function stageKeyOfDecision(flow: ProcessFlow, step: DecisionStep): string | undefined {
  if (step.stageKey) return step.stageKey;
  const byId = new Map(flow.steps.map((candidate) => [candidate.id, candidate]));
  const seen = new Set<string>([step.id]);
  let frontier = [step.id];
  while (frontier.length > 0) {
    const previous = flow.links.filter((link) => frontier.includes(link.to)).map((link) => link.from);
    frontier = [];
    for (const id of previous) {
      if (seen.has(id)) continue;
      seen.add(id);
      const candidate = byId.get(id);
      if (candidate?.kind === 'stage') return candidate.stageKey;
      frontier.push(id);
    }
  }
  return undefined;
}
