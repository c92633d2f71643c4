import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { Queue, Role, User } from '../../api/types';
import { ListTable } from '../../components/list-table';
import { Empty, errorMessage } from '../../components/page-state';
import { useAdminList, useAdminMutation } from './admin-queries';
import { UserQueuesEditor } from './user-queues-editor';

const ROLES: Role[] = ['admin', 'designer', 'reviewer', 'viewer'];
const USERS = ['admin', 'users'];

export function UsersPanel() {
  const users = useAdminList<User>(USERS, '/users', { limit: '200' });
  const queues = useAdminList<Queue>(['admin', 'queues'], '/queues', { limit: '200' });
  const update = useAdminMutation(({ id, change }: { id: string; change: Partial<Pick<User, 'role' | 'active'>> }) => api.patch<User>(`/users/${id}`, change), [USERS]);
  return (
    <div className="stack">
      <CreateUserForm />
      {update.error ? (
        <p className="form-error" role="alert">
          {errorMessage(update.error)}
        </p>
      ) : null}
      <ListTable
        query={users}
        empty={<Empty title="No users yet" />}
        columns={['Name', 'Email', 'Role', 'Queues', 'Active']}
        row={(user) => (
          <tr key={user.id}>
            <td>{user.name}</td>
            <td>{user.email}</td>
            <td>
              <select aria-label={`Role of ${user.name}`} value={user.role} onChange={(e) => update.mutate({ id: user.id, change: { role: e.target.value as Role } })}>
                {ROLES.map((role) => (
                  <option key={role} value={role}>
                    {role}
                  </option>
                ))}
              </select>
            </td>
            <td>
              <UserQueuesEditor user={user} queues={queues.data ?? []} />
            </td>
            <td>
              <input type="checkbox" aria-label={`${user.name} is active`} checked={user.active} onChange={(e) => update.mutate({ id: user.id, change: { active: e.target.checked } })} />
            </td>
          </tr>
        )}
      />
    </div>
  );
}

function CreateUserForm() {
  const empty = { name: '', email: '', password: '', role: 'reviewer' as Role };
  const [form, setForm] = useState(empty);
  const create = useAdminMutation((body: typeof form) => api.post<User>('/users', body), [USERS]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(form, { onSuccess: () => setForm(empty) });
  };
  return (
    <form className="card inline-form" aria-label="Add a user" onSubmit={submit}>
      <h2>Add a user</h2>
      <label className="field">
        <span>Name</span>
        <input required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
      </label>
      <label className="field">
        <span>Email</span>
        <input type="email" required value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} />
      </label>
      <label className="field">
        <span>Password</span>
        <input type="password" required autoComplete="new-password" value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} />
      </label>
      <label className="field">
        <span>Role</span>
        <select value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as Role })}>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {role}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="button button-primary" disabled={create.isPending}>
        Add user
      </button>
      {create.error ? (
        <p className="form-error" role="alert">
          {errorMessage(create.error)}
        </p>
      ) : null}
    </form>
  );
}
