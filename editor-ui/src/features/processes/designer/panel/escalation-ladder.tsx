import { useId } from 'react';
import type { EscalationStep, Stage } from '../../../../api/types';
import type { Option } from '../designer-lists';
import { omitFields } from '../model/plain-data';

interface LadderProps {
  stage: Stage;
  queues: Option[];
  onChange: (escalation: EscalationStep[] | undefined) => void;
}

/** A stage's escalation ladder: when (a share of the SLA, or minutes past it), what happens, and to whom. */
export function EscalationLadder({ stage, queues, onChange }: LadderProps) {
  const ladder = stage.escalation ?? [];
  const replace = (index: number, next: EscalationStep) => onChange(ladder.map((step, i) => (i === index ? next : step)));
  return (
    <fieldset className="designer-rows">
      <legend>Escalation ladder</legend>
      {ladder.length === 0 ? <p className="small muted">No escalation steps.</p> : null}
      {ladder.map((step, index) => (
        <LadderRow key={index} step={step} queues={queues} onChange={(next) => replace(index, next)} onRemove={() => onChange(ladder.length === 1 ? undefined : ladder.filter((_, i) => i !== index))} />
      ))}
      <button type="button" className="button" onClick={() => onChange([...ladder, { action: 'notify', atPercent: 75 }])}>
        Add escalation step
      </button>
    </fieldset>
  );
}

function LadderRow({ step, queues, onChange, onRemove }: { step: EscalationStep; queues: Option[]; onChange: (step: EscalationStep) => void; onRemove: () => void }) {
  const id = useId();
  const byPercent = step.atPercent !== undefined;
  const amount = byPercent ? step.atPercent : step.afterBreachMinutes;
  const setWhen = (percent: boolean, value: number | undefined) => {
    const rest = omitFields(step, 'atPercent', 'afterBreachMinutes') as unknown as EscalationStep;
    onChange(percent ? { ...rest, atPercent: value ?? 75 } : { ...rest, afterBreachMinutes: value ?? 60 });
  };
  return (
    <div className="designer-row">
      <label htmlFor={`${id}-action`}>Action</label>
      <select id={`${id}-action`} value={step.action} onChange={(event) => onChange({ ...step, action: event.target.value === 'escalate' ? 'escalate' : 'notify' })}>
        <option value="notify">notify</option>
        <option value="escalate">escalate</option>
      </select>
      <label htmlFor={`${id}-when`}>When</label>
      <select id={`${id}-when`} value={byPercent ? 'percent' : 'breach'} onChange={(event) => setWhen(event.target.value === 'percent', undefined)}>
        <option value="percent">at % of the SLA</option>
        <option value="breach">minutes after breach</option>
      </select>
      <label htmlFor={`${id}-amount`}>{byPercent ? 'At percent' : 'Minutes after breach'}</label>
      <input id={`${id}-amount`} type="number" value={amount ?? ''} onChange={(event) => setWhen(byPercent, event.target.value === '' ? undefined : Number(event.target.value))} />
      <label htmlFor={`${id}-queue`}>Escalation queue</label>
      <select id={`${id}-queue`} value={step.toQueue ?? ''} onChange={(event) => onChange(withQueue(step, event.target.value))}>
        <option value="">The supervisors'</option>
        {queues.map((queue) => (
          <option key={queue.value} value={queue.value}>
            {queue.label}
          </option>
        ))}
      </select>
      <button type="button" className="button button-ghost" onClick={onRemove}>
        Remove step
      </button>
    </div>
  );
}

function withQueue(step: EscalationStep, queue: string): EscalationStep {
  const rest = omitFields(step, 'toQueue') as unknown as EscalationStep;
  return queue === '' ? rest : { ...rest, toQueue: queue };
}
