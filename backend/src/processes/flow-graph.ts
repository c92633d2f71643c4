import type { DecisionStep, FlowLink, FlowStep, ProcessFlow } from './process-flow';

/** The links leaving each step, in the order the flow lists them. */
export function linksFrom(flow: ProcessFlow): Map<string, FlowLink[]> {
  const out = new Map<string, FlowLink[]>();
  for (const link of flow.links) out.set(link.from, [...(out.get(link.from) ?? []), link]);
  return out;
}

/** The ids of the steps a path from `fromId` reaches, `fromId` included. */
export function reachableFrom(flow: ProcessFlow, fromId: string): Set<string> {
  const next = linksFrom(flow);
  const seen = new Set<string>([fromId]);
  const queue = [fromId];
  while (queue.length > 0) {
    for (const link of next.get(queue.shift()!) ?? []) {
      if (!seen.has(link.to)) {
        seen.add(link.to);
        queue.push(link.to);
      }
    }
  }
  return seen;
}

/**
 * The stage a decision step's task counts in: its own `stageKey`, else the nearest stage step on the
 * paths that lead to it (breadth-first backwards), else none.
 */
export function stageKeyOfDecision(flow: ProcessFlow, step: DecisionStep): string | undefined {
  if (step.stageKey) return step.stageKey;
  const byId = new Map<string, FlowStep>(flow.steps.map((candidate) => [candidate.id, candidate]));
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
