import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { DelayNode as DelayNodeType } from '../flow-nodes';
import { breachClass, LiveOverlay } from './live-overlay';

/** Relative Delay: how long the case waits, relative to which date. */
export const DelayNode = memo(function DelayNode({ data, selected }: NodeProps<DelayNodeType>) {
  return (
    <div className={`flow-node flow-node-delay${breachClass(data.live)}${selected ? ' is-selected' : ''}`}>
      <Handle type="target" position={Position.Left} />
      <div className="flow-node-kind">Wait</div>
      <div className="flow-node-title">{data.title}</div>
      {data.title !== data.wait ? <div className="flow-node-fact">{data.wait}</div> : null}
      {data.step.unit === 'businessDays' ? <div className="flow-node-fact">in business time</div> : null}
      <LiveOverlay live={data.live} />
      <Handle type="source" position={Position.Right} />
    </div>
  );
});
