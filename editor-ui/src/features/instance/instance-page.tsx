import { Link, useParams } from 'react-router';
import { DetailsList } from '../../components/details-list';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/page-state';
import { StatusBadge } from '../../components/sla-badge';
import { formatDateTime } from '../../lib/format';
import { ActivitiesSection } from '../activities/activities-section';
import { DocumentsSection } from '../documents/documents-section';
import { useProcessNames } from '../processes/use-process-names';
import { CaseTimeline } from './case-timeline';
import { ExecutionsList } from './executions-list';
import { FailureBanner } from './failure-banner';
import { IntakeSection } from './intake-section';
import { StageVisitsTable } from './stage-visits-table';
import { useInstanceDetail } from './use-instance-detail';

export function InstancePage() {
  const { instanceId = '' } = useParams();
  const instance = useInstanceDetail(instanceId);
  const { processName } = useProcessNames();
  return (
    <QueryState query={instance} loadingLabel="Loading case…">
      {(detail) => (
        <article className="instance-page">
          <PageHeader
            title={detail.entity ? `${detail.entity.name} · ${processName(detail.processKey)}` : processName(detail.processKey)}
            subtitle={
              <>
                <StatusBadge status={detail.status} /> {detail.currentStage ? `In ${detail.currentStage.name}` : 'No current stage'}
                {detail.outcome ? ` · outcome ${detail.outcome}` : ''}
              </>
            }
          />
          <FailureBanner instance={detail} />
          <div className="two-columns">
            <div className="column-main">
              <section className="card" aria-labelledby="stages-title">
                <h2 id="stages-title">Stages</h2>
                <StageVisitsTable visits={detail.stageVisits} />
              </section>
              <DocumentsSection instanceId={detail.id} />
              <ActivitiesSection instanceId={detail.id} activities={detail.activities} />
              <CaseTimeline detail={detail} />
            </div>
            <aside className="column-side" aria-label="Case details">
              <section className="card" aria-labelledby="summary-title">
                <h2 id="summary-title">Case</h2>
                <DetailsList
                  items={[
                    ['Process', `${processName(detail.processKey)} (v${detail.processVersion})`],
                    [
                      'Record',
                      detail.entity ? (
                        <Link key="e" to={`/entities/${detail.entity.type}/${detail.entity.id}`}>
                          {detail.entity.name} ({detail.entity.externalId})
                        </Link>
                      ) : null,
                    ],
                    ['Started', formatDateTime(detail.createdAt)],
                    ['Closed', detail.closedAt ? formatDateTime(detail.closedAt) : null],
                  ]}
                />
              </section>
              <IntakeSection instance={detail} />
              {detail.executions?.length ? (
                <section className="card" aria-labelledby="executions-title">
                  <h2 id="executions-title">n8n executions</h2>
                  <ExecutionsList executions={detail.executions} />
                </section>
              ) : null}
            </aside>
          </div>
        </article>
      )}
    </QueryState>
  );
}
