import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { EscalateNode as EscalateNodeType } from '../flow-nodes';
import { breachClass, LiveOverlay } from './live-overlay';

/** Escalate: where the open task goes, and why. */
export const EscalateNode = memo(function EscalateNode({ data, selected }: NodeProps<EscalateNodeType>) {
  return (
    <div className={`flow-node flow-node-escalate${breachClass(data.live)}${selected ? ' is-selected' : ''}`}>
      <Handle type="target" position={Position.Left} />
      <div className="flow-node-kind">Escalate</div>
      <div className="flow-node-title">{data.title}</div>
      {data.title !== `To ${data.target}` ? <div className="flow-node-fact">To {data.target}</div> : null}
      <div className="flow-node-fact">{data.reason}</div>
      <LiveOverlay live={data.live} />
      <Handle type="source" position={Position.Right} />
    </div>
  );
});
