import type { FlowLink, FlowStep } from '../../../../api/types';
import { decisionName, stepName, type DesignDefinition } from './design-definition';

export interface Difference {
  kind: 'added' | 'removed' | 'changed';
  what: string;
}

/** The fields of two objects whose values differ, by name ("position" is where a step is drawn, not what it does). */
function changedFields(before: object, after: object, ignore: string[] = []): string[] {
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  const names = new Set([...Object.keys(a), ...Object.keys(b)].filter((name) => !ignore.includes(name)));
  return [...names].filter((name) => JSON.stringify(a[name]) !== JSON.stringify(b[name])).sort();
}

function diffByKey<T extends object>(before: T[], after: T[], keyOf: (item: T) => string, describe: (item: T, side: 'before' | 'after') => string, ignore: string[] = []): Difference[] {
  const old = new Map(before.map((item) => [keyOf(item), item]));
  const now = new Map(after.map((item) => [keyOf(item), item]));
  const differences: Difference[] = [];
  for (const [key, item] of now) {
    const previous = old.get(key);
    if (!previous) differences.push({ kind: 'added', what: describe(item, 'after') });
    else {
      const fields = changedFields(previous, item, ignore);
      if (fields.length > 0) differences.push({ kind: 'changed', what: `${describe(item, 'after')}: ${fields.join(', ')}` });
    }
  }
  for (const [key, item] of old) if (!now.has(key)) differences.push({ kind: 'removed', what: describe(item, 'before') });
  return differences;
}

/** What the draft changes against the published version: the process's fields, steps, links, stages and decisions. */
export function diffDefinitions(published: DesignDefinition, draft: DesignDefinition): Difference[] {
  const process = changedFields(
    { name: published.name, description: published.description, entityTypes: published.entityTypes, intake: published.intake, calendarKey: published.calendarKey },
    { name: draft.name, description: draft.description, entityTypes: draft.entityTypes, intake: draft.intake, calendarKey: draft.calendarKey },
  );
  const side = (which: 'before' | 'after') => (which === 'before' ? published : draft);
  const stepWords = (step: FlowStep, which: 'before' | 'after') => `Step "${stepName(side(which), step)}" (${step.kind})`;
  const nameOf = (definition: DesignDefinition, id: string) => {
    const step = definition.flow.steps.find((candidate) => candidate.id === id);
    return step ? stepName(definition, step) : id;
  };
  const linkWords = (link: FlowLink, which: 'before' | 'after') =>
    `Link "${nameOf(side(which), link.from)}" → "${nameOf(side(which), link.to)}"${link.on === undefined ? '' : ` on "${decisionName(side(which), link.on)}"`}`;
  const linkKey = (link: FlowLink) => `${link.from}->${link.to}:${link.on ?? ''}`;
  return [
    ...(process.length > 0 ? [{ kind: 'changed' as const, what: `Process: ${process.join(', ')}` }] : []),
    ...diffByKey(published.flow.steps, draft.flow.steps, (step) => step.id, stepWords, ['position']),
    ...diffByKey(published.flow.links, draft.flow.links, linkKey, linkWords),
    ...diffByKey(published.stages, draft.stages, (stage) => stage.key, (stage) => `Stage "${stage.name}" (${stage.key})`),
    ...diffByKey(published.decisions, draft.decisions, (decision) => decision.key, (decision) => `Decision "${decision.label}" (${decision.key})`),
  ];
}
