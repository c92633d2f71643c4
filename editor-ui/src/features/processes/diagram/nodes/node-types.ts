import type { NodeTypes } from '@xyflow/react';
import { EndNode } from './end-node';
import { StageNode } from './stage-node';
import { StartNode } from './start-node';

/** Module-level, so React Flow never sees a new object and remounts every node. */
export const NODE_TYPES = {
  start: StartNode,
  stage: StageNode,
  end: EndNode,
} satisfies NodeTypes;
