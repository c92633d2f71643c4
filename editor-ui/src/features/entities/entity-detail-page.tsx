import { Link, useParams } from 'react-router';
import { DataList, DetailsList } from '../../components/details-list';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/page-state';
import { StatusBadge } from '../../components/sla-badge';
import { formatDateTime } from '../../lib/format';
import { useSession } from '../../session/session';
import { ConvertToClientButton } from './convert-to-client-button';
import { useProcessNames } from '../processes/use-process-names';
import { useEntity, useEntityTypes } from './entity-queries';
import { RelatedRecordsSection } from './related-records-section';
import { StartWorkflowMenu } from './start-workflow-menu';

export function EntityDetailPage() {
  const { type = '', entityId = '' } = useParams();
  const entity = useEntity(entityId);
  const { can } = useSession();
  const { processName, stageName } = useProcessNames();
  const types = useEntityTypes();
  const typeName = (key: string) => types.data?.find((t) => t.key === key)?.name ?? key;
  return (
    <QueryState query={entity} loadingLabel="Loading record…">
      {(e) => (
        <article>
          <PageHeader
            title={e.name}
            subtitle={
              <>
                <Link to={`/entities/${e.type}`}>{typeName(e.type)}</Link> · {e.externalId}
                {e.type !== type ? ' (converted)' : ''}
              </>
            }
            actions={
              <>
                {e.type === 'prospect' && can('entities:write') ? <ConvertToClientButton entity={e} /> : null}
                {can('instances:launch') ? <StartWorkflowMenu entity={e} /> : null}
              </>
            }
          />
          <div className="two-columns">
            <div className="column-main">
              <section className="card" aria-labelledby="cases-title">
                <h2 id="cases-title">Cases</h2>
                {e.instances.length === 0 ? (
                  <p className="muted">No workflow has run for this record yet.</p>
                ) : (
                  <div className="table-scroll">
                    <table className="table">
                      <thead>
                        <tr>
                          <th scope="col">Process</th>
                          <th scope="col">Status</th>
                          <th scope="col">Stage</th>
                          <th scope="col">Started</th>
                        </tr>
                      </thead>
                      <tbody>
                        {e.instances.map((instance) => (
                          <tr key={instance.id}>
                            <td>
                              <Link to={`/instances/${instance.id}`}>{processName(instance.processKey)}</Link>
                            </td>
                            <td>
                              <StatusBadge status={instance.status} />
                            </td>
                            <td>{instance.currentStageKey ? stageName(instance.processKey, instance.currentStageKey) : '—'}</td>
                            <td>{formatDateTime(instance.createdAt)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                )}
              </section>
              <RelatedRecordsSection entityId={e.id} typeName={typeName} />
            </div>
            <aside className="column-side" aria-label="Record details">
              <section className="card" aria-labelledby="details-title">
                <h2 id="details-title">Details</h2>
                <DetailsList
                  items={[
                    ['Reference', e.externalId],
                    ['Email', e.email],
                    ['Manager email', e.managerEmail],
                    ['Created', formatDateTime(e.createdAt)],
                  ]}
                />
                <h3>Attributes</h3>
                <DataList data={e.attributes} emptyText="No attributes." />
              </section>
            </aside>
          </div>
        </article>
      )}
    </QueryState>
  );
}
