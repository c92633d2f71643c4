import { Link, useParams } from 'react-router';
import { ListTable } from '../../components/list-table';
import { PageHeader } from '../../components/page-header';
import { Empty } from '../../components/page-state';
import { formatDateTime } from '../../lib/format';
import { useProcessVersions, versionPath } from './process-version-queries';

const COLUMNS = ['Version', 'Status', 'Name', 'Stages', 'Published', 'Last changed'];

/** The versions of one process, newest first; running cases keep the version they started on. */
export default function ProcessVersionsPage() {
  const key = useParams().key ?? '';
  const versions = useProcessVersions(key);
  return (
    <>
      <PageHeader
        title={versions.data?.[0]?.name ?? key}
        subtitle={<>Versions of <code>{key}</code></>}
        actions={
          <>
            <Link to={`/processes/${encodeURIComponent(key)}/live`}>Live map</Link>
            <Link to="/processes">All processes</Link>
          </>
        }
      />
      <ListTable
        query={versions}
        columns={COLUMNS}
        empty={<Empty title="No versions" />}
        row={(version) => (
          <tr key={version.version}>
            <td>
              <Link to={versionPath(version.key, version.version)}>v{version.version}</Link>
            </td>
            <td>
              <span className="badge">{version.status}</span>
            </td>
            <td>{version.name}</td>
            <td>{version.stages.length}</td>
            <td>{formatDateTime(version.publishedAt)}</td>
            <td>{formatDateTime(version.updatedAt)}</td>
          </tr>
        )}
      />
    </>
  );
}
