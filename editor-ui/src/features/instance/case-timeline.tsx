import { useState } from 'react';
import type { InstanceDetail } from '../../api/timeline-types';
import { MessageKindFilter, type KindChoice } from '../messages/message-kind';
import { buildTimeline, onlyMessagesOfKind } from './build-timeline';
import { TimelineList } from './timeline-list';

/** The case's timeline, which can be narrowed to the messages of one kind (customer, admin, finance). */
export function CaseTimeline({ detail }: { detail: InstanceDetail }) {
  const [kind, setKind] = useState<KindChoice>('');
  return (
    <section className="card" aria-labelledby="timeline-title">
      <header className="report-header">
        <h2 id="timeline-title">Timeline</h2>
        <MessageKindFilter value={kind} onChange={setKind} label="Show" allLabel="Everything" suffix=" messages" />
      </header>
      <TimelineList items={onlyMessagesOfKind(buildTimeline(detail), kind)} emptyText={kind ? `No ${kind} messages on this case.` : undefined} />
    </section>
  );
}
