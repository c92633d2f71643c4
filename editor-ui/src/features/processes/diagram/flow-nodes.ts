import type { Node } from '@xyflow/react';
import type { DecisionStep, DelayStep, EscalateStep, MessageStep, OutcomeStep } from '../../../api/types';

/**
 * Traffic on a node, as the live map will fill it in (nothing does yet): cases open here, how many are
 * overdue, stalled or past their SLA, and how long they stay (minutes, null while none has left).
 */
export interface LiveCounts {
  open: number;
  overdue: number;
  stalled: number;
  breached: number;
  medianMinutes: number | null;
  p90Minutes: number | null;
}

/** What every node's data may carry besides its own facts (a type, not an interface: node data must index as a record). */
export type NodeOverlay = { live?: LiveCounts };

/** One path out of a decision step: the id of its handle (the decision key, or "timedOut") and its words. */
export interface DecisionOutcome {
  handle: string;
  label: string;
}

// Node data stays plain JSON: the step itself plus what its node shows, worked out once by toFlowGraph.
export type DecisionNodeData = NodeOverlay & {
  step: DecisionStep;
  title: string;
  /** The step's queue, else the owner queue of the stage its task counts in; null when neither is known. */
  queue: string | null;
  /** "Due in 2 d" when the task has a deadline. */
  due: string | null;
  outcomes: DecisionOutcome[];
};
export type DelayNodeData = NodeOverlay & { step: DelayStep; title: string; wait: string };
export type MessageNodeData = NodeOverlay & { step: MessageStep; title: string; template: string; recipients: string[] };
export type EscalateNodeData = NodeOverlay & { step: EscalateStep; title: string; target: string; reason: string };
export type OutcomeNodeData = NodeOverlay & { step: OutcomeStep; title: string; cancels: boolean };

export type DecisionNode = Node<DecisionNodeData, 'decision'>;
export type DelayNode = Node<DelayNodeData, 'delay'>;
export type MessageNode = Node<MessageNodeData, 'message'>;
export type EscalateNode = Node<EscalateNodeData, 'escalate'>;
export type OutcomeNode = Node<OutcomeNodeData, 'outcome'>;

