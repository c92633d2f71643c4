import { useId } from 'react';
import type { FlowStep } from '../../../../api/types';
import { TIMED_OUT, TIMED_OUT_LABEL } from '../../diagram/flow-graph';
import { decisionName, stepName, type DesignDefinition } from '../model/design-definition';

const NONE = '— none —';

interface LinkFieldsProps {
  definition: DesignDefinition;
  step: FlowStep;
  onLink: (on: string | undefined, to: string | null) => void;
}

/**
 * Linking without the canvas: a step's one way on ("Next step"), or a decision's path per decision (and for
 * "Timed out" when its task is due), each a choice among the other steps.
 */
export function LinkFields({ definition, step, onLink }: LinkFieldsProps) {
  if (step.kind === 'outcome') return null;
  const targets = definition.flow.steps.filter((candidate) => candidate.id !== step.id && candidate.kind !== 'start');
  const targetOf = (on: string | undefined) => definition.flow.links.find((link) => link.from === step.id && link.on === on)?.to ?? '';
  const paths: Array<{ on: string | undefined; label: string }> =
    step.kind === 'decision'
      ? [
          ...step.decisions.map((key) => ({ on: key, label: `Path for ${decisionName(definition, key)}` })),
          ...(step.dueInMinutes === undefined ? [] : [{ on: TIMED_OUT, label: `Path for ${TIMED_OUT_LABEL}` }]),
        ]
      : [{ on: undefined, label: 'Next step' }];
  return (
    <fieldset className="designer-links">
      <legend>{step.kind === 'decision' ? 'Paths' : 'Link'}</legend>
      {paths.map((path) => (
        <LinkSelect key={path.on ?? ''} label={path.label} value={targetOf(path.on)} onChange={(to) => onLink(path.on, to)} options={targets.map((target) => ({ value: target.id, label: stepName(definition, target) }))} />
      ))}
    </fieldset>
  );
}

function LinkSelect({ label, value, options, onChange }: { label: string; value: string; options: Array<{ value: string; label: string }>; onChange: (to: string | null) => void }) {
  const id = useId();
  return (
    <div className="designer-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value === '' ? null : event.target.value)}>
        <option value="">{NONE}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
