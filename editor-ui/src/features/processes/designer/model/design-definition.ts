import { omitFields } from './plain-data';
import type { Decision, FlowStep, IntakeField, Process, ProcessFlow, Stage } from '../../../../api/types';

/** What the designer edits: every field POST /processes takes, with the flow always present. Plain JSON. */
export interface DesignDefinition {
  key: string;
  name: string;
  description: string;
  entityTypes: string[];
  stages: Stage[];
  decisions: Decision[];
  intake: IntakeField[];
  calendarKey: string | null;
  launchWebhookUrl: string | null;
  flow: ProcessFlow;
}

/** Where a new process's start step sits: the top left of a fresh canvas, clear of where steps are dropped. */
export const START_POSITION = { x: 40, y: 40 };

/** A process nobody designed yet: one start step and nothing else. */
export function newDefinition(key: string, name: string, entityTypes: string[]): DesignDefinition {
  return {
    key,
    name,
    description: '',
    entityTypes,
    stages: [],
    decisions: [],
    intake: [],
    calendarKey: null,
    launchWebhookUrl: null,
    flow: { steps: [{ id: 'start', kind: 'start', position: { ...START_POSITION } }], links: [] },
  };
}

/** A saved version as the designer edits it; a version without a flow starts from a lone start step. */
export function fromProcess(process: Process): DesignDefinition {
  const copy = structuredClone(process);
  return {
    key: copy.key,
    name: copy.name,
    description: copy.description ?? '',
    entityTypes: copy.entityTypes,
    stages: copy.stages,
    decisions: copy.decisions,
    intake: copy.intake ?? [],
    calendarKey: copy.calendarKey ?? null,
    launchWebhookUrl: copy.launchWebhookUrl ?? null,
    flow: copy.flow ?? { steps: [{ id: 'start', kind: 'start' }], links: [] },
  };
}

/** The body of PATCH /processes/:key/draft (and, with the key, of POST /processes and /processes/check). */
export function toDraftBody(definition: DesignDefinition): Omit<DesignDefinition, 'key'> {
  return omitFields(definition, 'key') as Omit<DesignDefinition, 'key'>;
}

export const stepById = (definition: DesignDefinition, id: string): FlowStep | undefined =>
  definition.flow.steps.find((step) => step.id === id);

/** The name people see for a step, as the backend's checklist words it (flow-labels.ts). */
export function stepName(definition: DesignDefinition, step: FlowStep): string {
  if (step.label) return step.label;
  switch (step.kind) {
    case 'start':
      return 'Start';
    case 'stage':
      return definition.stages.find((stage) => stage.key === step.stageKey)?.name ?? `Stage ${step.stageKey}`;
    case 'decision':
      return step.title;
    case 'delay':
      return `Wait ${step.amount} ${step.unit} ${step.direction} ${step.anchorField}`;
    case 'message':
      return step.template ? `Send ${step.template}` : `Message ${step.id}`;
    case 'escalate':
      return 'Escalate';
    case 'outcome':
      return `Outcome ${step.outcome}`;
  }
}

export const decisionName = (definition: DesignDefinition, key: string): string =>
  definition.decisions.find((decision) => decision.key === key)?.label || key;
