import { useId } from 'react';
import type { DecisionStep } from '../../../../api/types';
import type { DesignDefinition } from '../model/design-definition';
import { selectAddDecisionRow, selectRemoveDecisionRow, selectUpdateDecisionRow } from '../store/designer-selectors';
import { useDesigner } from '../store/designer-store-context';
import { useFieldGesture } from './use-field-gesture';

/** A decision step's decisions, one row each: its key, its label and whether deciding it needs a comment. */
export function DecisionRows({ definition, step }: { definition: DesignDefinition; step: DecisionStep }) {
  const add = useDesigner(selectAddDecisionRow);
  return (
    <fieldset className="designer-rows">
      <legend>Decisions</legend>
      {step.decisions.length === 0 ? <p className="small muted">No decisions yet: add the choices the reviewer makes.</p> : null}
      {step.decisions.map((key, index) => (
        <DecisionRow key={index} stepId={step.id} index={index} decisionKey={key} definition={definition} />
      ))}
      <button type="button" className="button" onClick={() => add(step.id)}>
        Add decision
      </button>
    </fieldset>
  );
}

function DecisionRow({ stepId, index, decisionKey, definition }: { stepId: string; index: number; decisionKey: string; definition: DesignDefinition }) {
  const id = useId();
  const update = useDesigner(selectUpdateDecisionRow);
  const remove = useDesigner(selectRemoveDecisionRow);
  const keyGesture = useFieldGesture(`decision-key-${index}`);
  const labelGesture = useFieldGesture(`decision-label-${index}`);
  const decision = definition.decisions.find((candidate) => candidate.key === decisionKey);
  const label = decision?.label ?? '';
  return (
    <div className="designer-row">
      <label htmlFor={`${id}-key`}>Decision key</label>
      <input id={`${id}-key`} value={decisionKey} onFocus={keyGesture.onFocus} onChange={(event) => update(stepId, index, { key: event.target.value }, keyGesture.gesture())} />
      <label htmlFor={`${id}-label`}>Decision label</label>
      <input id={`${id}-label`} value={label} onFocus={labelGesture.onFocus} onChange={(event) => update(stepId, index, { label: event.target.value }, labelGesture.gesture())} />
      <span className="designer-check">
        <input id={`${id}-comment`} type="checkbox" checked={decision?.commentRequired === true} onChange={(event) => update(stepId, index, { commentRequired: event.target.checked })} />
        <label htmlFor={`${id}-comment`}>Comment required</label>
      </span>
      <button type="button" className="button button-ghost" aria-label={`Remove decision ${label || decisionKey}`} onClick={() => remove(stepId, index)}>
        Remove
      </button>
    </div>
  );
}
