import { useState, type FormEvent } from 'react';
import type { Absence } from '../../api/me-types';
import { errorMessage, QueryState } from '../../components/page-state';
import { formatDateTime } from '../../lib/format';
import { useSession } from '../../session/session';
import { usePeople } from '../activities/activity-queries';
import { fromLocalInput, toLocalInput } from '../activities/local-time';
import { useAbsence, useEndAbsence, useSetAbsence } from './settings-queries';

/** An absence with a colleague who covers: meanwhile my tasks and notifications go to them. */
export function AwayPanel() {
  const absence = useAbsence();
  return (
    <section className="card" aria-labelledby="away-title">
      <h2 id="away-title">Away</h2>
      <p className="muted small">While you are away, tasks assigned to you and your notifications go to the colleague who covers.</p>
      <QueryState query={absence}>
        {({ absence: current }) => (
          <div className="stack">
            {current ? <CurrentAbsence absence={current} /> : <p>You are not set as away.</p>}
            {/* A saved absence starts the form afresh from what the server kept. */}
            <AbsenceForm key={current ? `${current.from}|${current.until}|${current.delegate.id}|${current.note}` : 'none'} current={current} />
          </div>
        )}
      </QueryState>
    </section>
  );
}

function CurrentAbsence({ absence }: { absence: Absence }) {
  const end = useEndAbsence();
  const delegate = absence.delegate.name ?? 'a colleague';
  return (
    <div className="notice notice-warning" role="status" aria-label="Current absence">
      <p>
        {absence.active
          ? `Away until ${formatDateTime(absence.until)} — ${delegate} covers`
          : `Away from ${formatDateTime(absence.from)} until ${formatDateTime(absence.until)} — ${delegate} will cover`}
        {absence.note ? ` (${absence.note})` : ''}
      </p>
      <button type="button" className="button" disabled={end.isPending} onClick={() => end.mutate()}>
        {absence.active ? 'End absence' : 'Cancel absence'}
      </button>
      {end.error ? (
        <p className="form-error" role="alert">
          {errorMessage(end.error)}
        </p>
      ) : null}
    </div>
  );
}

function AbsenceForm({ current }: { current: Absence | null }) {
  const { me } = useSession();
  const people = usePeople();
  const save = useSetAbsence();
  const [from, setFrom] = useState(toLocalInput(current?.from ?? new Date().toISOString()));
  const [until, setUntil] = useState(toLocalInput(current?.until));
  const [delegateId, setDelegateId] = useState(current?.delegate.id ?? '');
  const [note, setNote] = useState(current?.note ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const colleagues = (people.data ?? []).filter((person) => person.id !== me?.id);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const fromAt = fromLocalInput(from);
    const untilAt = fromLocalInput(until);
    const invalid = !fromAt ? 'Give the date and time the absence starts.' : !untilAt ? 'Give the date and time you are back.' : untilAt <= fromAt ? 'The end must come after the start.' : !delegateId ? 'Choose who covers.' : null;
    setProblem(invalid);
    if (invalid || !fromAt || !untilAt) return;
    save.mutate({ from: fromAt, until: untilAt, delegateId, note: note.trim() });
  };

  return (
    <form className="inline-form" aria-label={current ? 'Change the absence' : 'Set an absence'} onSubmit={submit} noValidate>
      <label className="field">
        <span>Away from</span>
        <input type="datetime-local" value={from} onChange={(event) => setFrom(event.target.value)} />
      </label>
      <label className="field">
        <span>Back on</span>
        <input type="datetime-local" value={until} onChange={(event) => setUntil(event.target.value)} />
      </label>
      <label className="field">
        <span>Who covers</span>
        <select value={delegateId} onChange={(event) => setDelegateId(event.target.value)} disabled={people.isPending}>
          <option value="">{people.isPending ? 'Loading colleagues…' : '— choose a colleague —'}</option>
          {colleagues.map((person) => (
            <option key={person.id} value={person.id}>
              {person.away ? `${person.name} (away until ${formatDateTime(person.away.until)})` : person.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field field-grow">
        <span>Note</span>
        <input value={note} maxLength={500} placeholder="Annual leave" onChange={(event) => setNote(event.target.value)} />
      </label>
      <button type="submit" className="button button-primary" disabled={save.isPending}>
        {current ? 'Save absence' : 'Set absence'}
      </button>
      {problem || save.error || people.error ? (
        <p className="form-error" role="alert">
          {problem ?? errorMessage(save.error ?? people.error)}
        </p>
      ) : null}
    </form>
  );
}
