import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { ApiKey, CreatedApiKey } from '../../api/types';
import { ListTable } from '../../components/list-table';
import { Empty, errorMessage } from '../../components/page-state';
import { formatDateTime } from '../../lib/format';
import { useAdminList, useAdminMutation } from './admin-queries';

const KEYS = ['admin', 'api-keys'];
const SCOPES = ['automation', 'entities:read', 'entities:write', 'processes:read', 'instances:read', 'instances:launch', 'instances:write', 'tasks:read', 'tasks:write', 'tasks:create', 'webhooks:write', 'messages:write', 'reports:read'];

export function ApiKeysPanel() {
  const keys = useAdminList<ApiKey>(KEYS, '/api-keys');
  const revoke = useAdminMutation((id: string) => api.delete(`/api-keys/${id}`), [KEYS]);
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  return (
    <div className="stack">
      <CreateKeyForm onCreated={setCreated} />
      {created ? (
        <div className="notice notice-warning" role="status">
          <p>
            <strong>Copy the key for “{created.name}” now.</strong> It is shown only once; Caseflow keeps just a hash.
          </p>
          <code className="secret" aria-label="New API key">
            {created.key}
          </code>
          <button type="button" className="button" onClick={() => void navigator.clipboard?.writeText(created.key)}>
            Copy
          </button>
          <button type="button" className="button button-ghost" onClick={() => setCreated(null)}>
            I have copied it
          </button>
        </div>
      ) : null}
      <ListTable
        query={keys}
        empty={<Empty title="No API keys yet">n8n needs one for its Caseflow credential.</Empty>}
        columns={['Name', 'Prefix', 'Scopes', 'Last used', null]}
        row={(key) => (
          <tr key={key.id}>
            <td>{key.name}</td>
            <td>
              <code>{key.prefix}</code>
            </td>
            <td>{key.scopes.join(', ')}</td>
            <td>{formatDateTime(key.lastUsedAt)}</td>
            <td>
              {key.revokedAt ? (
                <span className="muted">Revoked</span>
              ) : (
                <button type="button" className="button button-ghost" onClick={() => revoke.mutate(key.id)}>
                  Revoke
                </button>
              )}
            </td>
          </tr>
        )}
      />
    </div>
  );
}

function CreateKeyForm({ onCreated }: { onCreated: (key: CreatedApiKey) => void }) {
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>(['automation']);
  const create = useAdminMutation(() => api.post<CreatedApiKey>('/api-keys', { name: name.trim(), scopes }), [KEYS]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(undefined, {
      onSuccess: (key) => {
        setName('');
        onCreated(key);
      },
    });
  };
  return (
    <form className="card inline-form" aria-label="Create an API key" onSubmit={submit}>
      <h2>Create an API key</h2>
      <label className="field">
        <span>Name</span>
        <input required value={name} onChange={(e) => setName(e.target.value)} placeholder="n8n production" />
      </label>
      <fieldset className="scope-list">
        <legend>Scopes</legend>
        {SCOPES.map((scope) => (
          <label key={scope} className="field-check">
            <input
              type="checkbox"
              checked={scopes.includes(scope)}
              onChange={(e) => setScopes(e.target.checked ? [...scopes, scope] : scopes.filter((s) => s !== scope))}
            />
            <span>{scope}</span>
          </label>
        ))}
      </fieldset>
      <button type="submit" className="button button-primary" disabled={create.isPending || scopes.length === 0}>
        Create key
      </button>
      {create.error ? (
        <p className="form-error" role="alert">
          {errorMessage(create.error)}
        </p>
      ) : null}
    </form>
  );
}
