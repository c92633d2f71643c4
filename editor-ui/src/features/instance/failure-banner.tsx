import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import type { Instance, InstanceFailure } from '../../api/types';
import { Dialog } from '../../components/dialog';
import { errorMessage } from '../../components/page-state';
import { formatDateTime } from '../../lib/format';
import { useSession } from '../../session/session';

function headline(failure: InstanceFailure | null | undefined): string {
  if (!failure) return 'This case needs attention.';
  if (failure.source === 'resume') return 'n8n refused to resume the execution waiting on this case.';
  return failure.node ? `The n8n execution failed in “${failure.node}”.` : 'The n8n execution failed.';
}

/**
 * A failed case (needs attention): what n8n said, where, a link to the execution, and the two
 * ways out — retry (n8n retries the execution, or the refused resume is sent again) or cancel.
 */
export function FailureBanner({ instance }: { instance: Pick<Instance, 'id' | 'status' | 'failure'> }) {
  const { can } = useSession();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['instances'] });
  const retry = useMutation({ mutationFn: () => api.post<Instance>(`/instances/${instance.id}/retry`), onSuccess: refresh });
  const cancel = useMutation({
    mutationFn: () => api.post<Instance>(`/instances/${instance.id}/cancel`, { reason: 'Cancelled after it failed' }),
    onSuccess: async () => {
      setConfirming(false);
      await refresh();
    },
  });
  if (instance.status !== 'failed') return null;
  const failure = instance.failure;
  const busy = retry.isPending || cancel.isPending;
  return (
    <section className="failure-banner" aria-labelledby="failure-title">
      <h2 id="failure-title">Needs attention</h2>
      <p>{headline(failure)}</p>
      {failure ? (
        <>
          <blockquote className="failure-message">{failure.message}</blockquote>
          <p className="muted small">
            {[failure.executionId ? `Execution ${failure.executionId}` : null, `since ${formatDateTime(failure.at)}`].filter(Boolean).join(' · ')}
          </p>
        </>
      ) : null}
      <div className="page-actions">
        {failure?.executionUrl ? (
          <a className="button" href={failure.executionUrl} target="_blank" rel="noreferrer">
            Open the execution in n8n
          </a>
        ) : null}
        {can('instances:write') ? (
          <>
            <button type="button" className="button button-primary" disabled={busy} onClick={() => retry.mutate()}>
              {retry.isPending ? 'Retrying…' : 'Retry'}
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => setConfirming(true)}>
              Cancel case
            </button>
          </>
        ) : null}
      </div>
      {retry.error ? (
        <p className="form-error" role="alert">
          {errorMessage(retry.error)}
        </p>
      ) : null}
      <Dialog title="Cancel this case?" open={confirming} onClose={() => setConfirming(false)}>
        <p>Its open tasks and timers are cancelled and any execution still waiting on it is let go. This cannot be undone.</p>
        {cancel.error ? (
          <p className="form-error" role="alert">
            {errorMessage(cancel.error)}
          </p>
        ) : null}
        <div className="page-actions">
          <button type="button" className="button button-primary" disabled={cancel.isPending} onClick={() => cancel.mutate()}>
            Cancel the case
          </button>
          <button type="button" className="button" onClick={() => setConfirming(false)}>
            Keep it
          </button>
        </div>
      </Dialog>
    </section>
  );
}
