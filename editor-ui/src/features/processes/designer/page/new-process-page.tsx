import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, api } from '../../../../api/client';
import type { Process } from '../../../../api/types';
import { PageHeader } from '../../../../components/page-header';
import { errorMessage } from '../../../../components/page-state';
import { useEntityTypes } from '../../../entities/entity-queries';

/** What the designer starts a new process from, handed over in the route's state until "Save draft" creates it. */
export interface NewProcessSeed {
  key: string;
  name: string;
  entityTypes: string[];
}

const KEY_PATTERN = '[a-z0-9][a-z0-9_\\-]*';

/** Names a new process and opens it in the designer; it is created (as draft version 1) by its first "Save draft". */
export default function NewProcessPage() {
  const navigate = useNavigate();
  const entityTypes = useEntityTypes();
  const [form, setForm] = useState({ key: '', name: '', entityType: '' });
  const [error, setError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setChecking(true);
    try {
      const key = form.key.trim();
      const taken = await api.get<Process>(`/processes/${encodeURIComponent(key)}`).then(
        () => true,
        (cause: unknown) => {
          if (cause instanceof ApiError && cause.status === 404) return false;
          throw cause;
        },
      );
      if (taken) return setError(`A process with the key "${key}" already exists.`);
      const seed: NewProcessSeed = { key, name: form.name.trim(), entityTypes: [form.entityType] };
      await navigate(`/processes/${encodeURIComponent(key)}/design`, { state: { newProcess: seed } });
    } catch (cause) {
      setError(errorMessage(cause));
    } finally {
      setChecking(false);
    }
  };

  return (
    <>
      <PageHeader title="New process" subtitle="Name it and choose the records it runs for; then design its flow." />
      <form className="card inline-form" aria-label="New process" onSubmit={(event) => void submit(event)}>
        <label className="field">
          <span>Key</span>
          <input required pattern={KEY_PATTERN} maxLength={100} title="lowercase letters, digits, - or _" value={form.key} onChange={(e) => setForm({ ...form, key: e.target.value })} />
        </label>
        <label className="field">
          <span>Name</span>
          <input required maxLength={200} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
        </label>
        <label className="field">
          <span>Entity type</span>
          <select required value={form.entityType} onChange={(e) => setForm({ ...form, entityType: e.target.value })}>
            <option value="">Choose…</option>
            {(entityTypes.data ?? []).map((type) => (
              <option key={type.key} value={type.key}>
                {type.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button button-primary" disabled={checking}>
          Create
        </button>
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
      </form>
    </>
  );
}
