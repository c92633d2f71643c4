import { useId, useState } from 'react';
import type { FlowProblem, Stage } from '../../../../api/types';
import { formatBeforeMinutes } from '../model/stage-reminders';
import { selectAddStageReminder, selectRemoveStageReminder } from '../store/designer-selectors';
import { useDesigner } from '../store/designer-store-context';
import { FieldProblems } from './field-problems';

/** As many as the backend takes (StageDto's ArrayMaxSize). */
const MAX_REMINDERS = 10;

interface RemindersEditorProps {
  stepId: string;
  stage: Stage;
  /** The check endpoint's problems about the stage's reminders. */
  problems: FlowProblem[];
}

/** Reminders to a task's holders before it is due (e.g. 24 h and 1 h before): add and remove, one undo step each. */
export function RemindersEditor({ stepId, stage, problems }: RemindersEditorProps) {
  const id = useId();
  const add = useDesigner(selectAddStageReminder);
  const remove = useDesigner(selectRemoveStageReminder);
  const [hours, setHours] = useState('');
  const [minutes, setMinutes] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const reminders = (stage.reminders ?? []).map((reminder) => reminder.beforeMinutes);

  const addReminder = () => {
    const total = Number(hours || 0) * 60 + Number(minutes || 0);
    const invalid =
      reminders.length >= MAX_REMINDERS
        ? `A stage takes at most ${MAX_REMINDERS} reminders.`
        : !Number.isInteger(total) || total < 1
          ? 'Give a whole number of hours and minutes, more than none.'
          : reminders.includes(total)
            ? `A reminder ${formatBeforeMinutes(total)} before is already listed.`
            : null;
    setProblem(invalid);
    if (invalid) return;
    add(stepId, total);
    setHours('');
    setMinutes('');
  };

  return (
    <fieldset className="designer-rows">
      <legend>Reminders before due</legend>
      <p className="small muted">Sent to whoever holds the task (else its queue), counted in working time on the stage's calendar.</p>
      {reminders.length === 0 ? <p className="small muted">No reminders.</p> : null}
      <ul className="chips" aria-label="Reminders">
        {reminders.map((before) => (
          <li key={before} className="chip">
            {`${formatBeforeMinutes(before)} before`}
            <button type="button" className="chip-remove" aria-label={`Remove the reminder ${formatBeforeMinutes(before)} before due`} onClick={() => remove(stepId, before)}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <div className="designer-row">
        <label htmlFor={`${id}-hours`}>Hours before</label>
        <input id={`${id}-hours`} type="number" min={0} step={1} value={hours} onChange={(event) => setHours(event.target.value)} />
        <label htmlFor={`${id}-minutes`}>Minutes before</label>
        <input id={`${id}-minutes`} type="number" min={0} step={1} value={minutes} onChange={(event) => setMinutes(event.target.value)} />
      </div>
      <button type="button" className="button" onClick={addReminder}>
        Add reminder
      </button>
      {problem ? (
        <p className="form-error" role="alert">
          {problem}
        </p>
      ) : null}
      <FieldProblems problems={problems} />
    </fieldset>
  );
}
