import { Link, useParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { Empty, QueryState } from '../../components/page-state';
import ProcessDiagram from './diagram/process-diagram';
import { useProcessVersion } from './process-version-queries';

/** One version of a process, drawn read-only. */
export default function ProcessDiagramPage() {
  const params = useParams();
  const key = params.key ?? '';
  const version = Number(params.version);
  if (!Number.isInteger(version) || version < 1) {
    return <Empty title="No such version">Versions are numbered from 1.</Empty>;
  }
  return <VersionDiagram processKey={key} version={version} />;
}

function VersionDiagram({ processKey, version }: { processKey: string; version: number }) {
  const process = useProcessVersion(processKey, version);
  return (
    <QueryState query={process} loadingLabel="Loading the process…">
      {(definition) => (
        <>
          <PageHeader
            title={definition.name}
            subtitle={
              <>
                <code>{definition.key}</code> · version {definition.version} · <span className="badge">{definition.status}</span>
                {definition.description ? ` · ${definition.description}` : null}
              </>
            }
            actions={
              <>
                {definition.status === 'published' ? <Link to={`/processes/${encodeURIComponent(processKey)}/live`}>Live map</Link> : null}
                <Link to={`/processes/${encodeURIComponent(processKey)}`}>All versions</Link>
              </>
            }
          />
          <ProcessDiagram definition={definition} />
        </>
      )}
    </QueryState>
  );
}
