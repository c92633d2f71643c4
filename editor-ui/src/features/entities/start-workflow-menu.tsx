import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import type { Entity, Instance } from '../../api/types';
import { Dialog } from '../../components/dialog';
import { errorMessage } from '../../components/page-state';
import { entityKeys, useStartableProcesses } from './entity-queries';

/** "Start workflow": only the published processes this record's type may start; hidden when there are none. */
export function StartWorkflowMenu({ entity }: { entity: Entity }) {
  const processes = useStartableProcesses(entity.type, true);
  const [open, setOpen] = useState(false);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const start = useMutation({
    mutationFn: (processKey: string) => api.post<Instance>('/instances', { processKey, entityId: entity.id }),
    onSuccess: (instance) => {
      void queryClient.invalidateQueries({ queryKey: entityKeys.detail(entity.id) });
      setOpen(false);
      void navigate(`/instances/${instance.id}`);
    },
  });
  if (!processes.data || processes.data.length === 0) return null;
  return (
    <>
      <button type="button" className="button button-primary" onClick={() => setOpen(true)}>
        Start workflow
      </button>
      <Dialog title={`Start a workflow for ${entity.name}`} open={open} onClose={() => setOpen(false)}>
        <ul className="choice-list">
          {processes.data.map((process) => (
            <li key={process.key}>
              <button type="button" className="choice" disabled={start.isPending} onClick={() => start.mutate(process.key)}>
                <span className="choice-title">{process.name}</span>
                <span className="muted small">{process.description ?? `${process.key} v${process.version}`}</span>
              </button>
            </li>
          ))}
        </ul>
        {start.error ? (
          <p className="form-error" role="alert">
            {errorMessage(start.error)}
          </p>
        ) : null}
      </Dialog>
    </>
  );
}
