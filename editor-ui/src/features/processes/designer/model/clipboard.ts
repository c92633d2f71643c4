import type { FlowLink, FlowStep } from '../../../../api/types';
import type { DesignDefinition } from './design-definition';
import { freshName } from './new-step';

/** Copied steps and the links between them (links leaving the copy are not copied). */
export interface Clip {
  steps: FlowStep[];
  links: FlowLink[];
}

/** Where a paste lands relative to what was copied, so the copy never hides the original. */
export const PASTE_OFFSET = 40;

/** The steps with these ids (never the start: a flow has one) and the links among them. */
export function copySteps(definition: DesignDefinition, ids: Iterable<string>): Clip | null {
  const wanted = new Set(ids);
  const steps = definition.flow.steps.filter((step) => wanted.has(step.id) && step.kind !== 'start');
  if (steps.length === 0) return null;
  const copied = new Set(steps.map((step) => step.id));
  const links = definition.flow.links.filter((link) => copied.has(link.from) && copied.has(link.to));
  return structuredClone({ steps, links });
}

/**
 * Adds the clip's steps under new ids, moved by PASTE_OFFSET, with their links between them. A pasted stage
 * step enters the same stage and a pasted decision offers the same decisions: they refer to them by key.
 */
export function pasteClip(definition: DesignDefinition, clip: Clip): { definition: DesignDefinition; ids: string[] } {
  const taken = definition.flow.steps.map((step) => step.id);
  const idOf = new Map<string, string>();
  for (const step of clip.steps) {
    const id = freshName(step.kind, taken);
    taken.push(id);
    idOf.set(step.id, id);
  }
  const newId = (id: string) => idOf.get(id) ?? id;
  const steps = clip.steps.map((step): FlowStep => {
    const position = step.position ?? { x: 0, y: 0 };
    return { ...structuredClone(step), id: newId(step.id), position: { x: position.x + PASTE_OFFSET, y: position.y + PASTE_OFFSET } };
  });
  const links = clip.links.map((link) => ({ ...link, from: newId(link.from), to: newId(link.to) }));
  return {
    definition: { ...definition, flow: { steps: [...definition.flow.steps, ...steps], links: [...definition.flow.links, ...links] } },
    ids: steps.map((step) => step.id),
  };
}
