import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { describeStep, formatMinutes, type StageNode as StageNodeType } from '../process-graph';
import { breachClass, LiveOverlay } from './live-overlay';

/** One stage: who owns it, its SLA and stall threshold, and its escalation ladder as badges. A flow step naming no stage says so. */
export const StageNode = memo(function StageNode({ data, selected }: NodeProps<StageNodeType>) {
  const { stage, position, step } = data;
  return (
    <div className={`flow-node flow-node-stage${breachClass(data.live)}${selected ? ' is-selected' : ''}`}>
      <Handle type="target" position={Position.Left} />
      <div className="flow-node-kind">{position === null ? 'Unknown stage' : `Stage ${position}`}</div>
      <div className="flow-node-title">{step?.label ?? stage.name}</div>
      {stage.ownerQueue ? <div className="flow-node-fact">Queue: {stage.ownerQueue}</div> : null}
      {stage.slaMinutes !== undefined ? <div className="flow-node-fact">SLA: {formatMinutes(stage.slaMinutes)}</div> : null}
      {stage.stallAfterMinutes !== undefined ? <div className="flow-node-fact">Stalls after: {formatMinutes(stage.stallAfterMinutes)}</div> : null}
      {stage.calendar ? <div className="flow-node-fact">Calendar: {stage.calendar}</div> : null}
      {stage.escalation && stage.escalation.length > 0 ? (
        <ul className="flow-node-badges" aria-label="Escalation ladder">
          {stage.escalation.map((step, index) => (
            <li key={index} className={`badge flow-step flow-step-${step.action}`}>
              {describeStep(step)}
            </li>
          ))}
        </ul>
      ) : null}
      <LiveOverlay live={data.live} />
      <Handle type="source" position={Position.Right} />
    </div>
  );
});
