import { Link } from 'react-router';
import type { AgendaItem } from '../../api/activity-types';
import { errorMessage } from '../../components/page-state';
import { useActivityStep } from '../activities/activity-queries';
import type { SectionTone } from './agenda-sections';
import { agendaTime, TYPE_LABELS } from './agenda-time';

interface AgendaRowProps {
  item: AgendaItem;
  tone: SectionTone;
  timeZone: string;
  processName: (key: string | null) => string;
}

/** One thing of mine: when, what kind, a link to it, its case and process; activities can be completed here. */
export function AgendaRow({ item, tone, timeZone, processName }: AgendaRowProps) {
  const step = useActivityStep();
  return (
    <tr className={item.overdue ? 'agenda-row-overdue' : undefined}>
      <td className="agenda-time">{agendaTime(item, tone, timeZone)}</td>
      <td>
        <span className={`badge agenda-type agenda-type-${item.type}`}>{TYPE_LABELS[item.type]}</span>
      </td>
      <td>
        <Link className="task-title" to={item.link}>
          {item.title}
        </Link>
      </td>
      <td>{item.caseName ?? '—'}</td>
      <td className="muted">{processName(item.processKey)}</td>
      <td className="col-actions">
        {item.type === 'task' ? null : (
          <button
            type="button"
            className="button"
            aria-label={`Complete ${item.title}`}
            disabled={step.isPending}
            onClick={() => step.mutate({ id: item.id, step: 'complete', instanceId: item.instanceId })}
          >
            {step.isPending ? 'Completing…' : 'Complete'}
          </button>
        )}
        {step.error ? (
          <p className="form-error" role="alert">
            {errorMessage(step.error)}
          </p>
        ) : null}
      </td>
    </tr>
  );
}
