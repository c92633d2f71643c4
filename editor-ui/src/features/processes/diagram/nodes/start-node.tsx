import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { StartNode as StartNodeType } from '../process-graph';
import { breachClass, LiveOverlay } from './live-overlay';

const SHOWN_FIELDS = 8;

/** Where a case begins: the record types it starts for and the intake a launch must bring. */
export const StartNode = memo(function StartNode({ data, selected }: NodeProps<StartNodeType>) {
  const { entityTypes, intake, step } = data;
  return (
    <div className={`flow-node flow-node-start${breachClass(data.live)}${selected ? ' is-selected' : ''}`}>
      <div className="flow-node-kind">Start</div>
      {step?.label ? <div className="flow-node-title">{step.label}</div> : null}
      <div className={step?.label ? 'flow-node-fact' : 'flow-node-title'}>{entityTypes.length > 0 ? entityTypes.join(', ') : 'Any record'}</div>
      {intake.length === 0 ? (
        <div className="flow-node-fact">No intake fields</div>
      ) : (
        <ul className="flow-node-list" aria-label="Intake fields">
          {intake.slice(0, SHOWN_FIELDS).map((field) => (
            <li key={field.path}>
              {field.label}
              {field.required ? <span title="required"> *</span> : null}
            </li>
          ))}
          {intake.length > SHOWN_FIELDS ? <li className="muted">and {intake.length - SHOWN_FIELDS} more</li> : null}
        </ul>
      )}
      <LiveOverlay live={data.live} />
      <Handle type="source" position={Position.Right} />
    </div>
  );
});
