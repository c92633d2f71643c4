import { api } from '../../api/client';
import type { Delivery } from '../../api/timeline-types';
import { ListTable } from '../../components/list-table';
import { Empty, errorMessage } from '../../components/page-state';
import { formatDateTime } from '../../lib/format';
import { useAdminList, useAdminMutation } from './admin-queries';

const DEAD = ['admin', 'outbox', 'dead'];

/** Calls that failed every retry (resume n8n, trigger webhooks, email); retry puts them back in the outbox. */
export function DeadLettersPanel() {
  const deliveries = useAdminList<Delivery>(DEAD, '/outbox', { status: 'dead' });
  const retry = useAdminMutation((id: string) => api.post(`/outbox/${id}/retry`), [DEAD]);
  return (
    <div className="stack">
      {retry.error ? (
        <p className="form-error" role="alert">
          {errorMessage(retry.error)}
        </p>
      ) : null}
      <ListTable
        query={deliveries}
        empty={<Empty title="No failed deliveries">Every call to n8n and every email went out.</Empty>}
        columns={['Kind', 'Target', 'Attempts', 'Last error', 'Created', null]}
        row={(delivery) => (
          <tr key={delivery.id}>
            <td>{delivery.kind}</td>
            <td className="small break">{delivery.target ?? '—'}</td>
            <td>{delivery.attempts}</td>
            <td className="small">{delivery.lastError ?? '—'}</td>
            <td>{formatDateTime(delivery.createdAt)}</td>
            <td>
              <button type="button" className="button" disabled={retry.isPending} onClick={() => retry.mutate(delivery.id)}>
                Retry
              </button>
            </td>
          </tr>
        )}
      />
    </div>
  );
}
