import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { OutcomeNode as OutcomeNodeType } from '../flow-nodes';
import { breachClass, LiveOverlay } from './live-overlay';

/** Where a case ends: completed with its outcome, or cancelled. Nothing leaves it. */
export const OutcomeNode = memo(function OutcomeNode({ data, selected }: NodeProps<OutcomeNodeType>) {
  return (
    <div className={`flow-node flow-node-outcome${data.cancels ? ' is-cancel' : ''}${breachClass(data.live)}${selected ? ' is-selected' : ''}`}>
      <Handle type="target" position={Position.Left} />
      <div className="flow-node-kind">{data.cancels ? 'Cancel' : 'Complete'}</div>
      <div className="flow-node-title">{data.title}</div>
      <LiveOverlay live={data.live} />
    </div>
  );
});
