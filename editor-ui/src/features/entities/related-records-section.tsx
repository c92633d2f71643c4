import { Link } from 'react-router';
import type { Entity } from '../../api/types';
import { QueryState } from '../../components/page-state';
import { useRelatedRecords } from './entity-queries';
import { groupIncoming, relationLabel } from './related-groups';

const recordPath = (entity: Entity) => `/entities/${entity.type}/${entity.id}`;

/** A record's named links both ways: "Course date → Java Basics 12 May" out, "Bookings (5)" in. */
export function RelatedRecordsSection({ entityId, typeName }: { entityId: string; typeName: (type: string) => string }) {
  const related = useRelatedRecords(entityId);
  return (
    <section className="card" aria-labelledby="related-title">
      <h2 id="related-title">Related records</h2>
      <QueryState query={related} loadingLabel="Loading related records…">
        {({ outgoing, incoming, incomingTotal }) => {
          if (outgoing.length === 0 && incoming.length === 0) return <p className="muted">No related records.</p>;
          const groups = groupIncoming(incoming, typeName);
          return (
            <>
              {outgoing.length > 0 ? (
                <ul className="related-list" aria-label="Links from this record">
                  {outgoing.map(({ name, entity }) => (
                    <li key={name}>
                      <span className="muted">{relationLabel(name)} →</span> <Link to={recordPath(entity)}>{entity.name}</Link>
                    </li>
                  ))}
                </ul>
              ) : null}
              {groups.map((group) => (
                <details key={group.key} className="related-group" open={group.records.length <= 10}>
                  <summary>
                    {group.label} ({group.records.length}) <span className="muted small">by {group.via}</span>
                  </summary>
                  <ul className="related-list" aria-label={`${group.label} by ${group.via}`}>
                    {group.records.map((entity) => (
                      <li key={entity.id}>
                        <Link to={recordPath(entity)}>{entity.name}</Link> <span className="muted small">{entity.externalId}</span>
                      </li>
                    ))}
                  </ul>
                </details>
              ))}
              {incomingTotal !== undefined && incomingTotal > incoming.length ? (
                <p className="muted small">
                  Showing {incoming.length} of {incomingTotal} linking records.
                </p>
              ) : null}
            </>
          );
        }}
      </QueryState>
    </section>
  );
}
