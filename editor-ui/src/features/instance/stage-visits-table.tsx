import type { StageVisit } from '../../api/types';
import { formatDateTime, formatDuration } from '../../lib/format';
import { useNow } from '../../lib/use-now';

/** Each stage the case went through, with the time spent in it (the open one counts up to now). */
export function StageVisitsTable({ visits }: { visits: StageVisit[] }) {
  const now = useNow();
  if (visits.length === 0) return <p className="muted">The case has not entered a stage yet.</p>;
  return (
    <div className="table-scroll">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Stage</th>
            <th scope="col">Queue</th>
            <th scope="col">Entered</th>
            <th scope="col">Left</th>
            <th scope="col">Time in stage</th>
            <th scope="col">SLA</th>
          </tr>
        </thead>
        <tbody>
          {visits.map((visit) => {
            const duration = visit.durationMs ?? (visit.exitedAt ? null : now - new Date(visit.enteredAt).getTime());
            return (
              <tr key={visit.id} className={visit.exitedAt ? undefined : 'row-current'}>
                <td>
                  <strong>{visit.stageName}</strong>
                  {visit.exitedAt ? null : <span className="badge status status-active">current</span>}
                </td>
                <td>{visit.ownerQueue?.name ?? '—'}</td>
                <td>{formatDateTime(visit.enteredAt)}</td>
                <td>{visit.exitedAt ? formatDateTime(visit.exitedAt) : '—'}</td>
                <td>{formatDuration(duration)}</td>
                <td>
                  {visit.breached ? (
                    <span className="badge sla sla-breached">Breached</span>
                  ) : visit.slaPaused ? (
                    <span className="badge sla sla-paused">Paused</span>
                  ) : visit.slaDueAt ? (
                    `due ${formatDateTime(visit.slaDueAt)}`
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
