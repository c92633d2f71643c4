import type { AgendaResponse } from '../../api/activity-types';
import { Empty } from '../../components/page-state';
import { useProcessNames } from '../processes/use-process-names';
import { AgendaRow } from './agenda-row';
import { agendaSections, todayIn } from './agenda-sections';

/** The agenda's sections, each a heading and a table: Overdue, then the days, then No date. */
export function AgendaView({ agenda }: { agenda: AgendaResponse }) {
  const { processName } = useProcessNames();
  const sections = agendaSections(agenda, todayIn(agenda.timeZone));
  if (sections.length === 0) {
    return (
      <Empty title="Nothing on your agenda">
        Tasks you claim or are given, and follow-ups, to-dos and events for you on any case, show here.
      </Empty>
    );
  }
  return (
    <div className="stack">
      {sections.map((section) => (
        <section key={section.key} className={`card agenda-section agenda-${section.tone}`} aria-labelledby={`agenda-${section.key}`}>
          <h2 id={`agenda-${section.key}`}>{section.title}</h2>
          <div className="table-scroll">
            <table className="table agenda-table">
              <thead>
                <tr>
                  <th scope="col" className="agenda-col-time">Time</th>
                  <th scope="col" className="agenda-col-type">Type</th>
                  <th scope="col">Title</th>
                  <th scope="col" className="agenda-col-case">Case</th>
                  <th scope="col" className="agenda-col-process">Process</th>
                  <th scope="col" className="agenda-col-actions">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {section.items.map((item) => (
                  <AgendaRow key={`${item.type}:${item.id}`} item={item} tone={section.tone} timeZone={agenda.timeZone} processName={processName} />
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </div>
  );
}
