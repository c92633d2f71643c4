import { Link } from 'react-router';
import type { TaskDetail } from '../../api/types';
import { DataList, DetailsList } from '../../components/details-list';
import { formatDateTime, formatPriority } from '../../lib/format';
import { useProcessNames } from '../processes/use-process-names';

/** The case the task is about: the entity, the instance and its data. */
export function TaskContext({ task }: { task: TaskDetail }) {
  const { entity, instance } = task;
  const { processName } = useProcessNames();
  return (
    <aside className="column-side" aria-label="Case context">
      <section className="card" aria-labelledby="entity-title">
        <h2 id="entity-title">{entity ? entity.name : 'Record'}</h2>
        {entity ? (
          <>
            <DetailsList
              items={[
                ['Type', entity.type],
                ['Reference', <Link key="r" to={`/entities/${entity.type}/${entity.id}`}>{entity.externalId}</Link>],
                ['Email', entity.email],
                ['Manager', entity.managerEmail],
              ]}
            />
            <DataList data={entity.attributes} emptyText="No other details." />
          </>
        ) : (
          <p className="muted">This case has no record attached.</p>
        )}
      </section>
      <section className="card" aria-labelledby="case-title">
        <h2 id="case-title">Case</h2>
        <DetailsList
          items={[
            ['Process', `${processName(instance.processKey)} (v${instance.processVersion})`],
            ['Stage', instance.currentStage?.name ?? '—'],
            ['Status', instance.status],
            ['Due', formatDateTime(task.dueAt)],
            ['Priority', formatPriority(task.priority)],
            ['Started', formatDateTime(instance.createdAt)],
          ]}
        />
        <h3>Data</h3>
        <DataList data={instance.data} />
      </section>
    </aside>
  );
}
