import type { FlowStep } from '../processes/process-flow';
import type { DesignedProcess } from './workflow-model';
import { CANCELLED_OUTCOME } from './step-nodes';

/** What a step's node is called when the designer gave it no label. */
export function defaultLabel(process: DesignedProcess, step: FlowStep): string {
  switch (step.kind) {
    case 'start':
      return `Launch ${process.name}`;
    case 'stage':
      return `Stage: ${process.stages.find((stage) => stage.key === step.stageKey)?.name ?? step.stageKey}`;
    case 'decision':
      return step.title;
    case 'delay':
      return `Wait ${step.amount} ${step.unit} ${step.direction} ${step.anchorField}`;
    case 'message':
      return `Send ${step.template}`;
    case 'escalate':
      return 'Escalate';
    case 'outcome':
      return step.outcome === CANCELLED_OUTCOME ? 'Cancel case' : `Complete: ${step.outcome}`;
  }
}

/** Hands out node names, each unique within the workflow: a second "Escalate" becomes "Escalate 2". */
export class NodeNamer {
  private readonly taken = new Set<string>();

  constructor(reserved: Iterable<string> = []) {
    for (const name of reserved) this.taken.add(name);
  }

  name(wanted: string): string {
    const base = wanted.trim() || 'Step';
    let candidate = base;
    for (let n = 2; this.taken.has(candidate); n += 1) candidate = `${base} ${n}`;
    this.taken.add(candidate);
    return candidate;
  }
}
