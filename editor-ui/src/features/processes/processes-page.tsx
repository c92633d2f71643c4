import { Link } from 'react-router';
import { ListTable } from '../../components/list-table';
import { PageHeader } from '../../components/page-header';
import { Empty } from '../../components/page-state';
import { useProcessSummaries, versionPath, type ProcessSummary } from './process-version-queries';

const COLUMNS = ['Process', 'Record types', 'Stages', 'Published', 'Draft', null];

/** Every process with its latest published version and open draft; each opens as a diagram. */
export default function ProcessesPage() {
  const summaries = useProcessSummaries();
  return (
    <>
      <PageHeader title="Processes" subtitle="Every process, its published version and its draft. Open a version to see it drawn." />
      <ListTable
        query={summaries}
        columns={COLUMNS}
        empty={
          <Empty title="No processes yet">
            Install a template under Admin → Templates, or create one with <code>POST /api/v1/processes</code>.
          </Empty>
        }
        row={(summary) => <ProcessRow key={summary.head.key} summary={summary} />}
      />
    </>
  );
}

function ProcessRow({ summary: { head, draft } }: { summary: ProcessSummary }) {
  const published = head.status === 'published' ? head : null;
  return (
    <tr>
      <td>
        <Link to={versionPath(head.key, head.version)}>{head.name}</Link>
        <div className="small muted">{head.key}</div>
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
        <Link to={`/processes/${encodeURIComponent(head.key)}`}>All versions</Link>
      </td>
    </tr>
  );
}
