import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { StartNode as StartNodeType } from '../process-graph';

const SHOWN_FIELDS = 8;

/** Where a case begins: the record types it starts for and the intake a launch must bring. */
export const StartNode = memo(function StartNode({ data, selected }: NodeProps<StartNodeType>) {
  const { entityTypes, intake } = data;
  return (
    <div className={`flow-node flow-node-start${selected ? ' is-selected' : ''}`}>
      <div className="flow-node-kind">Start</div>
      <div className="flow-node-title">{entityTypes.length > 0 ? entityTypes.join(', ') : 'Any record'}</div>
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
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
});
