import { useId, useState, type FormEvent } from 'react';
import type { NotificationKind, NotificationMode, NotificationPreferences } from '../../api/me-types';
import { errorMessage, QueryState } from '../../components/page-state';
import { KIND_LABELS, MODES, shownKinds } from './notification-kinds';
import { useNotificationPreferences, useSaveNotificationPreferences } from './settings-queries';
import { timeZoneChoices } from './time-zones';

/** Per kind of notification: an e-mail each time, a line in the daily digest, or nothing. */
export function NotificationsPanel() {
  const preferences = useNotificationPreferences();
  return (
    <section className="card" aria-labelledby="notifications-title">
      <h2 id="notifications-title">Notifications</h2>
      <QueryState query={preferences}>{(saved) => <NotificationsForm saved={saved} />}</QueryState>
    </section>
  );
}

function NotificationsForm({ saved }: { saved: NotificationPreferences }) {
  const id = useId();
  const [draft, setDraft] = useState(saved);
  const save = useSaveNotificationPreferences();
  const kinds = shownKinds(saved.kinds);
  const dirty = draft.timeZone !== saved.timeZone || draft.digestTime !== saved.digestTime || kinds.some((kind) => draft.kinds[kind] !== saved.kinds[kind]);
  const choose = (kind: NotificationKind, mode: NotificationMode) => setDraft({ ...draft, kinds: { ...draft.kinds, [kind]: mode } });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(draft, { onSuccess: (answer) => setDraft(answer) });
  };

  return (
    <form className="stack" aria-label="Notification preferences" onSubmit={submit}>
      <table className="table table-compact settings-modes">
        <thead>
          <tr>
            <th scope="col">Notify me of</th>
            {MODES.map(({ mode, label }) => (
              <th scope="col" key={mode}>
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {kinds.map((kind) => (
            <tr key={kind}>
              <th scope="row">
                {KIND_LABELS[kind].label}
                <div className="muted small">{KIND_LABELS[kind].hint}</div>
              </th>
              {MODES.map(({ mode, label }) => (
                <td key={mode}>
                  <input
                    type="radio"
                    name={`${id}-${kind}`}
                    aria-label={`${KIND_LABELS[kind].label}: ${label}`}
                    checked={draft.kinds[kind] === mode}
                    onChange={() => choose(kind, mode)}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="inline-form">
        <TimeZoneField value={draft.timeZone} onChange={(timeZone) => setDraft({ ...draft, timeZone })} />
        <label className="field">
          <span>Digest time</span>
          <input type="time" required value={draft.digestTime} onChange={(event) => setDraft({ ...draft, digestTime: event.target.value })} />
        </label>
      </div>
      <p className="muted small">The daily digest collects the kinds set to “Daily digest” and arrives at this time in your time zone.</p>
      <div className="page-actions">
        <button type="submit" className="button button-primary" disabled={save.isPending || !dirty}>
          {save.isPending ? 'Saving…' : 'Save notifications'}
        </button>
        <span role="status" className="muted small">
          {dirty ? 'Unsaved changes' : save.isSuccess ? 'Saved' : ''}
        </span>
      </div>
      {save.error ? (
        <p className="form-error" role="alert">
          {errorMessage(save.error)}
        </p>
      ) : null}
    </form>
  );
}

function TimeZoneField({ value, onChange }: { value: string; onChange: (timeZone: string) => void }) {
  const zones = timeZoneChoices(value);
  return (
    <label className="field">
      <span>Time zone</span>
      {zones ? (
        <select value={value} onChange={(event) => onChange(event.target.value)}>
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </select>
      ) : (
        <input required value={value} placeholder="Europe/London" onChange={(event) => onChange(event.target.value.trim())} />
      )}
    </label>
  );
}
