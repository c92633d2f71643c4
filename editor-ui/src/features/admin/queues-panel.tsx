import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { Calendar, Queue } from '../../api/types';
import { ListTable } from '../../components/list-table';
import { Empty, errorMessage } from '../../components/page-state';
import { useAdminList, useAdminMutation } from './admin-queries';

const QUEUES = ['admin', 'queues'];

export function QueuesPanel() {
  const queues = useAdminList<Queue>(QUEUES, '/queues', { limit: '200' });
  const remove = useAdminMutation((key: string) => api.delete(`/queues/${key}`), [QUEUES]);
  return (
    <div className="stack">
      <CreateQueueForm />
      {remove.error ? (
        <p className="form-error" role="alert">
          {errorMessage(remove.error)}
        </p>
      ) : null}
      <ListTable
        query={queues}
        empty={<Empty title="No queues yet">Create a queue, then add reviewers to it from the Users tab.</Empty>}
        columns={['Name', 'Key', 'Members', 'Calendar', 'Escalates to', null]}
        row={(queue) => (
          <tr key={queue.id}>
            <td>
              {queue.name}
              {queue.description ? <div className="muted small">{queue.description}</div> : null}
            </td>
            <td>
              <code>{queue.key}</code>
            </td>
            <td>{queue.memberCount}</td>
            <td>{queue.calendarKey ?? '—'}</td>
            <td>{queue.supervisorQueueKey ?? '—'}</td>
            <td>
              <button
                type="button"
                className="button button-ghost"
                aria-label={`Delete queue ${queue.name}`}
                onClick={() => {
                  if (window.confirm(`Delete the queue ${queue.name}?`)) remove.mutate(queue.key);
                }}
              >
                Delete
              </button>
            </td>
          </tr>
        )}
      />
    </div>
  );
}

function CreateQueueForm() {
  const empty = { key: '', name: '', description: '', calendarKey: '' };
  const [form, setForm] = useState(empty);
  const calendars = useAdminList<Calendar>(['admin', 'calendars'], '/calendars');
  const create = useAdminMutation(
    (body: typeof form) =>
      api.post<Queue>('/queues', { key: body.key.trim(), name: body.name.trim(), description: body.description.trim() || undefined, calendarKey: body.calendarKey || undefined }),
    [QUEUES],
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(form, { onSuccess: () => setForm(empty) });
  };
  return (
    <form className="card inline-form" aria-label="Create a queue" onSubmit={submit}>
      <h2>Create a queue</h2>
      <label className="field">
        <span>Name</span>
        <input required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
      </label>
      <label className="field">
        <span>Key</span>
        <input required pattern="[a-z0-9][a-z0-9_\-]*" title="lowercase letters, digits, - or _" value={form.key} onChange={(e) => setForm({ ...form, key: e.target.value })} />
      </label>
      <label className="field">
        <span>Description</span>
        <input value={form.description} onChange={(e) => setForm({ ...form, description: e.target.value })} />
      </label>
      <label className="field">
        <span>Calendar</span>
        <select value={form.calendarKey} onChange={(e) => setForm({ ...form, calendarKey: e.target.value })}>
          <option value="">Default</option>
          {(calendars.data ?? []).map((c) => (
            <option key={c.key} value={c.key}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="button button-primary" disabled={create.isPending}>
        Create queue
      </button>
      {create.error ? (
        <p className="form-error" role="alert">
          {errorMessage(create.error)}
        </p>
      ) : null}
    </form>
  );
}
