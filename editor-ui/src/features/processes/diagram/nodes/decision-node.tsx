import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { DecisionNode as DecisionNodeType } from '../flow-nodes';
import { breachClass, LiveOverlay } from './live-overlay';

/** Await Decision: a task in a queue, with one handle per outcome so each path leaves from its own row. */
export const DecisionNode = memo(function DecisionNode({ data, selected }: NodeProps<DecisionNodeType>) {
  return (
    <div className={`flow-node flow-node-decision${breachClass(data.live)}${selected ? ' is-selected' : ''}`}>
      <Handle type="target" position={Position.Left} />
      <div className="flow-node-kind">Decision</div>
      <div className="flow-node-title">{data.title}</div>
      {data.queue ? <div className="flow-node-fact">Queue: {data.queue}</div> : null}
      {data.due ? <div className="flow-node-fact">{data.due}</div> : null}
      <ul className="flow-node-outcomes" aria-label="Outcomes">
        {data.outcomes.map((outcome) => (
          <li key={outcome.handle}>
            {outcome.label}
            <Handle type="source" id={outcome.handle} position={Position.Right} className="flow-outcome-handle" />
          </li>
        ))}
      </ul>
      <LiveOverlay live={data.live} />
    </div>
  );
});
