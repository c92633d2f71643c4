import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { ApiError } from '../../../../api/client';
import { PageHeader } from '../../../../components/page-header';
import { ErrorNotice, Loading, errorMessage } from '../../../../components/page-state';
import { designerApi } from '../designer-api';
import { fromProcess, newDefinition } from '../model/design-definition';
import { DesignerWorkspace } from './designer-workspace';
import type { NewProcessSeed } from './new-process-page';

/**
 * /processes/:key/design: the process's draft in the designer; a process only published offers to start a
 * new draft; a process named on /processes/new and not saved yet opens empty.
 */
export default function DesignerPage() {
  const key = useParams().key ?? '';
  const seed = (useLocation().state as { newProcess?: NewProcessSeed } | null)?.newProcess;
  // Its own query key, read once per visit: saving refreshes the process lists, never the open canvas.
  const versions = useQuery({ queryKey: ['designer', key], queryFn: () => designerApi.versions(key), retry: false, gcTime: 0, staleTime: Infinity, refetchOnWindowFocus: false });
  const [starting, setStarting] = useState<{ error: string | null; pending: boolean }>({ error: null, pending: false });

  if (versions.isPending) return <Loading label="Opening the designer…" />;
  if (versions.error) {
    const missing = versions.error instanceof ApiError && versions.error.status === 404;
    if (missing && seed?.key === key) return <DesignerWorkspace initial={newDefinition(seed.key, seed.name, seed.entityTypes)} target="new" />;
    return <ErrorNotice error={versions.error} onRetry={() => void versions.refetch()} />;
  }
  const draft = versions.data.find((version) => version.status === 'draft');
  if (draft) return <DesignerWorkspace initial={fromProcess(draft)} target="draft" />;
  const published = versions.data.find((version) => version.status === 'published');
  if (!published) return <ErrorNotice error={new ApiError(404, `Process "${key}" has no versions.`)} />;

  const startDraft = async () => {
    setStarting({ error: null, pending: true });
    try {
      await designerApi.startDraft(key);
      await versions.refetch();
    } catch (error) {
      setStarting({ error: errorMessage(error), pending: false });
    }
  };
  return (
    <>
      <PageHeader title={`Design: ${published.name}`} actions={<Link to={`/processes/${encodeURIComponent(key)}`}>All versions</Link>} />
      <div className="card">
        <p>Version {published.version} is published and has no draft. Published versions never change: start a new draft to design the next version.</p>
        <button type="button" className="button button-primary" disabled={starting.pending} onClick={() => void startDraft()}>
          Start a new draft
        </button>
        {starting.error ? (
          <p className="form-error" role="alert">
            {starting.error}
          </p>
        ) : null}
      </div>
    </>
  );
}
