import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Process } from '../../api/types';
import { ListTable } from '../../components/list-table';
import { PageHeader } from '../../components/page-header';
import { Empty, errorMessage } from '../../components/page-state';
import { designerApi } from './designer/designer-api';
import { DuplicateProcessDialog } from './duplicate-process-dialog';
import { useProcessSummaries, versionPath, type ProcessSummary } from './process-version-queries';

const COLUMNS = ['Process', 'Record types', 'Stages', 'Published', 'Draft', null];

/** Every process with its latest published version and open draft; each opens as a diagram or in the designer. */
export default function ProcessesPage() {
  const [showArchived, setShowArchived] = useState(false);
  const [duplicating, setDuplicating] = useState<Process | null>(null);
  const summaries = useProcessSummaries(showArchived);
  return (
    <>
      <PageHeader
        title="Processes"
        subtitle="Every process, its published version and its draft. Open a version to see it drawn."
        actions={
          <>
            <Link to="/processes/n8n">n8n workflows</Link>
            <Link className="button button-primary" to="/processes/new">
              New process
            </Link>
          </>
        }
      />
      <label className="small">
        <input type="checkbox" checked={showArchived} onChange={(event) => setShowArchived(event.target.checked)} /> Show archived
      </label>
      {duplicating ? <DuplicateProcessDialog source={duplicating} onClose={() => setDuplicating(null)} /> : null}
      <ListTable
        query={summaries}
        columns={COLUMNS}
        empty={
          <Empty title="No processes yet">
            Install a template under Admin → Templates, or create one with <code>POST /api/v1/processes</code>.
          </Empty>
        }
        row={(summary) => <ProcessRow key={summary.head.key} summary={summary} onDuplicate={setDuplicating} />}
      />
    </>
  );
}

function ProcessRow({ summary: { head, draft }, onDuplicate }: { summary: ProcessSummary; onDuplicate: (source: Process) => void }) {
  const published = head.status === 'published' ? head : null;
  const queryClient = useQueryClient();
  const archived = Boolean(head.archivedAt);
  const archive = useMutation({
    mutationFn: () => designerApi.archive(head.key, !archived),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['processes'] }),
  });
  return (
    <tr>
      <td>
        <Link to={versionPath(head.key, head.version)}>{head.name}</Link>
        <div className="small muted">
          {head.key}
          {archived ? <span className="badge"> archived</span> : null}
        </div>
      </td>
      <td>{head.entityTypes.join(', ')}</td>
      <td>{head.stages.length}</td>
      <td>{published ? <Link to={versionPath(published.key, published.version)} aria-label={`${head.name} version ${published.version}`}>v{published.version}</Link> : <span className="muted">Not yet</span>}</td>
      <td>
        {draft ? (
          <Link to={versionPath(draft.key, draft.version)} aria-label={`${head.name} draft version ${draft.version}`}>
            v{draft.version} draft
          </Link>
        ) : (
          <span className="muted">No draft</span>
        )}
      </td>
      <td>
        <div className="row-actions">
          <Link to={`/processes/${encodeURIComponent(head.key)}`}>All versions</Link>
          {published ? (
            <Link to={`/processes/${encodeURIComponent(head.key)}/live`} aria-label={`Live map of ${head.name}`}>
              Live map
            </Link>
          ) : null}
          <Link to={`/processes/${encodeURIComponent(head.key)}/design`} aria-label={`Design ${head.name}`}>
            Design
          </Link>
          <button type="button" className="button button-ghost" aria-label={`Duplicate ${head.name}`} onClick={() => onDuplicate(draft ?? head)}>
            Duplicate
          </button>
          <button type="button" className="button button-ghost" aria-label={`${archived ? 'Unarchive' : 'Archive'} ${head.name}`} disabled={archive.isPending} onClick={() => archive.mutate()}>
            {archived ? 'Unarchive' : 'Archive'}
          </button>
        </div>
        {archive.error ? <p className="form-error small" role="alert">{errorMessage(archive.error)}</p> : null}
      </td>
    </tr>
  );
}
