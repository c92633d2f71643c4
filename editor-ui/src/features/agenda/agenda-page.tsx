import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/page-state';
import { DEFAULT_RANGE, RANGE_CHOICES, useAgenda } from './agenda-queries';
import { AgendaView } from './agenda-view';
import './agenda.css';

function rangeFrom(value: string | null): number {
  const days = Number(value);
  return RANGE_CHOICES.some((choice) => choice === days) ? days : DEFAULT_RANGE;
}

/** "My agenda": by day, everything that is mine (claimed and assigned tasks, my activities) across every process, overdue first. */
export default function AgendaPage() {
  const [params, setParams] = useSearchParams();
  const days = rangeFrom(params.get('days'));
  const agenda = useAgenda(days);
  const range = (
    <div className="field field-inline">
      <label htmlFor="agenda-range">Show</label>
      <select id="agenda-range" value={days} onChange={(event) => setParams({ days: event.target.value }, { replace: true })}>
        {RANGE_CHOICES.map((choice) => (
          <option key={choice} value={choice}>
            Next {choice} days
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <article className="agenda-page">
      <PageHeader title="My agenda" subtitle="Tasks, follow-ups, to-dos and events that are yours, on every process." actions={range} />
      <QueryState query={agenda} loadingLabel="Loading your agenda…">
        {(data) => <AgendaView agenda={data} />}
      </QueryState>
    </article>
  );
}
