import { api } from '../../api/client';
import type { Queue, User } from '../../api/types';
import { errorMessage } from '../../components/page-state';
import { useAdminMutation } from './admin-queries';

/** A user's queue memberships: remove with ×, add from the list. */
export function UserQueuesEditor({ user, queues }: { user: User; queues: Queue[] }) {
  const invalidates = [['admin', 'users'], ['admin', 'queues']];
  const add = useAdminMutation((queueKey: string) => api.put(`/queues/${queueKey}/members/${user.id}`), invalidates);
  const remove = useAdminMutation((queueKey: string) => api.delete(`/queues/${queueKey}/members/${user.id}`), invalidates);
  const available = queues.filter((q) => !user.queues.some((mine) => mine.id === q.id));
  const error = add.error ?? remove.error;
  return (
    <div className="chips">
      {user.queues.map((queue) => (
        <span key={queue.id} className="chip">
          {queue.name}
          <button type="button" className="chip-remove" aria-label={`Remove ${user.name} from ${queue.name}`} onClick={() => remove.mutate(queue.key)}>
            ×
          </button>
        </span>
      ))}
      {available.length > 0 ? (
        <select
          aria-label={`Add ${user.name} to a queue`}
          value=""
          onChange={(e) => {
            if (e.target.value) add.mutate(e.target.value);
          }}
        >
          <option value="">+ queue</option>
          {available.map((q) => (
            <option key={q.id} value={q.key}>
              {q.name}
            </option>
          ))}
        </select>
      ) : null}
      {error ? (
        <span className="form-error small" role="alert">
          {errorMessage(error)}
        </span>
      ) : null}
    </div>
  );
}
