import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import type { Entity, Instance, Process } from '../../api/types';
import { Dialog } from '../../components/dialog';
import { errorMessage } from '../../components/page-state';
import { entityKeys, useStartableProcesses } from './entity-queries';
import { IntakeForm } from './intake-form';
import { dataFields, type IntakeLaunch } from './intake-values';

interface StartInput extends Partial<IntakeLaunch> {
  processKey: string;
}

/** "Start workflow": only the published processes this record's type may start; hidden when there are none. */
export function StartWorkflowMenu({ entity }: { entity: Entity }) {
  const processes = useStartableProcesses(entity.type, true);
  const [open, setOpen] = useState(false);
  // A process whose intake asks for case data or files gets a form first; the record's own fields come from the record.
  const [chosen, setChosen] = useState<Process | null>(null);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const start = useMutation({
    mutationFn: ({ processKey, data, documents }: StartInput) =>
      api.post<Instance>('/instances', { processKey, entityId: entity.id, ...(data ? { data } : {}), ...(documents?.length ? { documents } : {}) }),
    onSuccess: (instance) => {
      void queryClient.invalidateQueries({ queryKey: entityKeys.detail(entity.id) });
      setOpen(false);
      setChosen(null);
      void navigate(`/instances/${instance.id}`);
    },
  });
  const choose = (process: Process) => {
    if (dataFields(process.intake).length > 0) setChosen(process);
    else start.mutate({ processKey: process.key });
  };
  const close = () => {
    setOpen(false);
    setChosen(null);
    start.reset();
  };
  if (!processes.data || processes.data.length === 0) return null;
  return (
    <>
      <button type="button" className="button button-primary" onClick={() => setOpen(true)}>
        Start workflow
      </button>
      <Dialog title={chosen ? `${chosen.name} for ${entity.name}` : `Start a workflow for ${entity.name}`} open={open} onClose={close}>
        {chosen ? (
          <IntakeForm
            intake={chosen.intake ?? []}
            busy={start.isPending}
            error={start.error}
            onSubmit={(launch) => start.mutate({ processKey: chosen.key, ...launch })}
            onBack={() => {
              setChosen(null);
              start.reset();
            }}
          />
        ) : (
          <ul className="choice-list">
            {processes.data.map((process) => (
              <li key={process.key}>
                <button type="button" className="choice" disabled={start.isPending} onClick={() => choose(process)}>
                  <span className="choice-title">{process.name}</span>
                  <span className="muted small">{process.description ?? `${process.key} v${process.version}`}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        {start.error && !chosen ? (
          <p className="form-error" role="alert">
            {errorMessage(start.error)}
          </p>
        ) : null}
      </Dialog>
    </>
  );
}
