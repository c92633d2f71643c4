import { Link } from 'react-router';
import type { Instance } from '../../../api/types';
import { Empty, QueryState } from '../../../components/page-state';
import { formatRelative } from '../../../lib/format';
import { useStageCases } from './live-map-queries';

/** The cases standing in one stage now, each linking to its case page; opened by clicking the stage on the map. */
export function StageCasesPanel({ processKey, stageKey, stageName, onClose }: { processKey: string; stageKey: string; stageName: string; onClose: () => void }) {
  const cases = useStageCases(processKey, stageKey);
  return (
    <section className="card live-map-side" aria-label={`Cases in ${stageName}`}>
      <div className="live-map-side-header">
        <h2>Cases in {stageName}</h2>
        <button type="button" className="button button-ghost" onClick={onClose}>
          Close
        </button>
      </div>
      <QueryState query={cases} loadingLabel="Loading the cases…">
        {(page) =>
          page.items.length === 0 ? (
            <Empty title="No open cases">No case stands in this stage now.</Empty>
          ) : (
            <>
              <ul>
                {page.items.map((instance) => (
                  <li key={instance.id}>
                    <Link to={`/instances/${encodeURIComponent(instance.id)}`}>{caseName(instance)}</Link>
                    <div className="small muted">
                      {instance.currentStage ? `In this stage since ${formatRelative(instance.currentStage.enteredAt)}` : instance.status}
                      {instance.currentStage?.slaDueAt ? ` · SLA due ${formatRelative(instance.currentStage.slaDueAt)}` : ''}
                    </div>
                  </li>
                ))}
              </ul>
              {page.total > page.items.length ? <p className="small muted">Showing {page.items.length} of {page.total}.</p> : null}
            </>
          )
        }
      </QueryState>
    </section>
  );
}

/** A case is known by its record's name; one without a record by its id. */
const caseName = (instance: Instance) => instance.entity?.name ?? `Case ${instance.id.slice(0, 8)}`;
