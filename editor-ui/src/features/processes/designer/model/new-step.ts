import type { FlowPosition, FlowStep, FlowStepKind } from '../../../../api/types';
import type { DesignDefinition } from './design-definition';

/** The kinds a designer adds from the palette; a flow has exactly one start, made with the process. */
export const PALETTE_KINDS = ['stage', 'decision', 'delay', 'message', 'escalate', 'outcome'] as const;
export type PaletteKind = (typeof PALETTE_KINDS)[number];

export const KIND_NAMES: Record<FlowStepKind, string> = {
  start: 'Start',
  stage: 'Stage',
  decision: 'Decision',
  delay: 'Delay',
  message: 'Message',
  escalate: 'Escalate',
  outcome: 'Outcome',
};

/** "stage-3": the first `<prefix>-<n>` nothing in `taken` uses. */
export function freshName(prefix: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  let n = 1;
  while (used.has(`${prefix}-${n}`)) n += 1;
  return `${prefix}-${n}`;
}

export const freshStepId = (definition: DesignDefinition, kind: FlowStepKind) =>
  freshName(kind, definition.flow.steps.map((step) => step.id));

/** A step of `kind` with defaults the checklist accepts where it can; a stage step comes with a new stage. */
export function newStep(definition: DesignDefinition, kind: PaletteKind, position: FlowPosition): { step: FlowStep; stage?: { key: string; name: string } } {
  const id = freshStepId(definition, kind);
  const at = { position: { x: Math.round(position.x), y: Math.round(position.y) } };
  switch (kind) {
    case 'stage': {
      const key = freshName('stage', definition.stages.map((stage) => stage.key));
      return { step: { id, kind, stageKey: key, ...at }, stage: { key, name: `Stage ${key.slice('stage-'.length)}` } };
    }
    case 'decision':
      return { step: { id, kind, title: 'New decision', decisions: [], ...at } };
    case 'delay':
      return { step: { id, kind, anchorField: 'instance.createdAt', amount: 1, unit: 'days', direction: 'after', ...at } };
    case 'message':
      return { step: { id, kind, template: '', toEntity: true, ...at } };
    case 'escalate':
      return { step: { id, kind, reason: 'Needs attention', ...at } };
    case 'outcome':
      return { step: { id, kind, outcome: 'completed', ...at } };
  }
}
