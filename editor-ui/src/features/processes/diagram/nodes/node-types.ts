import type { NodeTypes } from '@xyflow/react';
import { DecisionNode } from './decision-node';
import { DelayNode } from './delay-node';
import { EndNode } from './end-node';
import { EscalateNode } from './escalate-node';
import { MessageNode } from './message-node';
import { OutcomeNode } from './outcome-node';
import { StageNode } from './stage-node';
import { StartNode } from './start-node';

/**
 * Module-level, so React Flow never sees a new object and remounts every node. One type per flow step
 * kind; `end` is the stage list's end, drawn for versions without a flow.
 */
export const NODE_TYPES = {
  start: StartNode,
  stage: StageNode,
  end: EndNode,
  decision: DecisionNode,
  delay: DelayNode,
  message: MessageNode,
  escalate: EscalateNode,
  outcome: OutcomeNode,
} satisfies NodeTypes;
