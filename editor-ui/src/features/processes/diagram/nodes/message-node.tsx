import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { MessageNode as MessageNodeType } from '../flow-nodes';
import { breachClass, LiveOverlay } from './live-overlay';

/** Send Templated Message: which template, to whom. */
export const MessageNode = memo(function MessageNode({ data, selected }: NodeProps<MessageNodeType>) {
  return (
    <div className={`flow-node flow-node-message${breachClass(data.live)}${selected ? ' is-selected' : ''}`}>
      <Handle type="target" position={Position.Left} />
      <div className="flow-node-kind">Message</div>
      <div className="flow-node-title">{data.title}</div>
      {data.title !== data.template ? <div className="flow-node-fact">Template: {data.template}</div> : null}
      <div className="flow-node-fact">To: {data.recipients.length > 0 ? data.recipients.join(', ') : 'no one yet'}</div>
      <LiveOverlay live={data.live} />
      <Handle type="source" position={Position.Right} />
    </div>
  );
});
