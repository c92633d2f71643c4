import type { FlowStep, ProcessFlow } from '../../../api/types';
import type { DiagramDefinition } from '../diagram/process-graph';
import type { N8nProcessMap } from './n8n-map-types';

/**
 * An n8n workflow's map as something the diagram draws: the workflow knows its steps' stage and decision
 * keys but not their names, so each stands for itself (the steps carry the n8n node names as labels).
 */
export function toN8nDefinition(map: N8nProcessMap): DiagramDefinition & { flow: ProcessFlow } {
  const stageKeys = unique(map.flow.steps.map((step) => (step.kind === 'stage' || step.kind === 'decision' ? step.stageKey : undefined)));
  const decisionKeys = unique(map.flow.steps.flatMap((step) => (step.kind === 'decision' ? step.decisions : [])));
  return {
    key: map.workflowId ?? 'n8n',
    name: map.name ?? 'n8n workflow',
    entityTypes: [],
    stages: stageKeys.map((key) => ({ key, name: key })),
    decisions: decisionKeys.map((key) => ({ key, label: key })),
    flow: map.flow,
  };
}

const unique = (values: Array<string | undefined>) => [...new Set(values.filter((value): value is string => value !== undefined && value !== ''))];

/** The step a node became, in a few words: "Stage triage", "Decision: Approve?", "Outcome approved". */
export function describeStep(step: FlowStep): string {
  switch (step.kind) {
    case 'start':
      return 'Start';
    case 'stage':
      return `Stage ${step.stageKey}`;
    case 'decision':
      return `Decision: ${step.title}`;
    case 'delay':
      return 'Delay';
    case 'message':
      return `Message ${step.template}`;
    case 'escalate':
      return 'Escalation';
    case 'outcome':
      return `Outcome ${step.outcome}`;
  }
}
