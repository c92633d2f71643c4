import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { EndNode as EndNodeType } from '../process-graph';
import { breachClass, LiveOverlay } from './live-overlay';

/** Where a case closes; the edge into it carries the decision that led here. Live traffic hangs below the circle. */
export const EndNode = memo(function EndNode({ data, selected }: NodeProps<EndNodeType>) {
  return (
    <div
      className={`flow-node flow-node-end${breachClass(data.live)}${selected ? ' is-selected' : ''}`}
      title={data.outcome ? `Ends with "${data.outcome.label}"` : 'End'}
    >
      <Handle type="target" position={Position.Left} />
      End
      <LiveOverlay live={data.live} />
    </div>
  );
});
