import type { DecisionDefinition, StageDefinition } from '../database/tables';
import { TIMED_OUT, type FlowStep } from './process-flow';

/** What a flow is read against: the stage and decision lists its steps refer to by key. */
export interface FlowContext {
  stages: StageDefinition[];
  decisions: DecisionDefinition[];
}

/** The name people see for a step: its label, else one derived from what it does. */
export function stepLabel(step: FlowStep, context: FlowContext): string {
  if (step.label) return step.label;
  switch (step.kind) {
    case 'start':
      return 'Start';
    case 'stage':
      return context.stages.find((stage) => stage.key === step.stageKey)?.name ?? `Stage ${step.stageKey ?? step.id}`;
    case 'decision':
      return step.title ?? `Decision ${step.id}`;
    case 'delay':
      return step.unit ? `Wait ${step.amount} ${step.unit} ${step.direction} ${step.anchorField}` : `Wait ${step.id}`;
    case 'message':
      return step.template ? `Send ${step.template}` : `Message ${step.id}`;
    case 'escalate':
      return 'Escalate';
    case 'outcome':
      return step.outcome ? `Outcome ${step.outcome}` : `Outcome ${step.id}`;
  }
}

/** A decision's label from the process's decisions (its key when it has none); "timed out" for the timeout path. */
export function decisionLabel(key: string, context: FlowContext): string {
  if (key === TIMED_OUT) return 'Timed out';
  return context.decisions.find((decision) => decision.key === key)?.label ?? key;
}
