import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../../components/page-header';
import { QueryState } from '../../../components/page-state';
import { FlowView } from '../live-map/flow-view';
import { toMapGraph } from '../live-map/live-map-graph';
import { CaseflowNodeList } from './caseflow-node-list';
import { toN8nDefinition } from './n8n-map-definition';
import { useN8nProcessMap } from './n8n-map-queries';
import type { N8nProcessMap } from './n8n-map-types';

const NO_STAGES = {};

/** An n8n workflow drawn read-only as the process its Caseflow nodes make, beside the list of those nodes. */
export default function N8nProcessMapPage() {
  const workflowId = useParams().id ?? '';
  const map = useN8nProcessMap(workflowId);
  return (
    <QueryState query={map} loadingLabel="Reading the workflow…">
      {(data) => <N8nProcessMapView map={data} />}
    </QueryState>
  );
}

function N8nProcessMapView({ map }: { map: N8nProcessMap }) {
  const definition = useMemo(() => toN8nDefinition(map), [map]);
  const graph = useMemo(() => toMapGraph(definition), [definition]);
  return (
    <>
      <PageHeader
        title={definition.name}
        subtitle="An n8n workflow drawn from its Caseflow nodes' parameters; change it in n8n."
        actions={
          <>
            {map.editorUrl ? (
              <a href={map.editorUrl} target="_blank" rel="noreferrer">
                Open in n8n
              </a>
            ) : null}
            <Link to="/processes/n8n">All n8n workflows</Link>
          </>
        }
      />
      <div className="live-map-layout">
        <FlowView graph={graph} stages={NO_STAGES} figures={null} label={`Process map of ${definition.name}`} />
        <CaseflowNodeList map={map} />
      </div>
    </>
  );
}
