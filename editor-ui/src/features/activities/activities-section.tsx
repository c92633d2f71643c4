import type { ActivityResponse } from '../../api/activity-types';
import { QueryState, type QueryLike } from '../../components/page-state';
import { useSession } from '../../session/session';
import { splitActivities } from './activity-labels';
import { useCaseActivities } from './activity-queries';
import { ActivityItem } from './activity-item';
import { AddActivityForm } from './add-activity-form';
import './activities.css';

/**
 * The case's follow-ups, to-dos and events: open ones first, soonest first; done and cancelled ones
 * folded away underneath. They come with the instance detail; older backends get their own list.
 */
export function ActivitiesSection({ instanceId, activities }: { instanceId: string; activities: ActivityResponse[] | undefined }) {
  const own = useCaseActivities(instanceId, activities === undefined);
  const { can } = useSession();
  const query: QueryLike<ActivityResponse[]> = activities ? { data: activities, error: null, isPending: false, refetch: () => undefined } : own;
  return (
    <section className="card activities-section" aria-labelledby="activities-title">
      <h2 id="activities-title">Activities</h2>
      <QueryState query={query} loadingLabel="Loading activities…">
        {(list) => {
          const { open, closed } = splitActivities(list);
          return (
            <>
              {open.length === 0 ? (
                <p className="muted">Nothing open: no follow-ups, to-dos or events waiting on this case.</p>
              ) : (
                <ul className="activity-list" aria-label="Open activities">
                  {open.map((activity) => (
                    <ActivityItem key={activity.id} activity={activity} />
                  ))}
                </ul>
              )}
              {closed.length > 0 ? (
                <details className="activities-closed">
                  <summary>Done and cancelled ({closed.length})</summary>
                  <ul className="activity-list" aria-label="Done and cancelled activities">
                    {closed.map((activity) => (
                      <ActivityItem key={activity.id} activity={activity} />
                    ))}
                  </ul>
                </details>
              ) : null}
            </>
          );
        }}
      </QueryState>
      {can('activities:write') ? <AddActivityForm instanceId={instanceId} /> : null}
    </section>
  );
}
