import { useState } from 'react';
import type { ActivityResponse } from '../../api/activity-types';
import { errorMessage } from '../../components/page-state';
import { formatDateTime } from '../../lib/format';
import { useSession } from '../../session/session';
import { activityWhen, KIND_LABELS } from './activity-labels';
import { useActivityStep, type ActivityStep } from './activity-queries';
import { MoveActivityForm, ReassignActivityForm } from './change-activity-forms';

const STEP_LABELS: Record<ActivityStep, string> = { complete: 'Complete', reopen: 'Reopen', cancel: 'Cancel' };

function closedText(activity: ActivityResponse): string {
  if (activity.status === 'cancelled') return `Cancelled ${formatDateTime(activity.updatedAt)}`;
  return `Done ${formatDateTime(activity.completedAt ?? activity.updatedAt)}${activity.completedBy ? ` by ${activity.completedBy.name}` : ''}`;
}

/**
 * One activity: what, when, whose. Its assignee, whoever added it and supervisors (the backend's
 * rule) may complete, move, reassign or cancel it while open, and reopen it once done; a cancelled
 * one stays as it is.
 */
export function ActivityItem({ activity }: { activity: ActivityResponse }) {
  const { me, can } = useSession();
  const step = useActivityStep();
  const mayChange = can('activities:write') && (can('tasks:supervise') || (!!me?.id && (me.id === activity.assignee.id || me.id === activity.createdBy?.id)));
  const [editing, setEditing] = useState<'move' | 'reassign' | null>(null);
  const open = activity.status === 'open';
  const run = (which: ActivityStep) => step.mutate({ id: activity.id, step: which, instanceId: activity.instanceId });
  const stepButton = (which: ActivityStep) => (
    <button type="button" className="button" aria-label={`${STEP_LABELS[which]} ${activity.title}`} disabled={step.isPending} onClick={() => run(which)}>
      {STEP_LABELS[which]}
    </button>
  );
  const editButton = (which: 'move' | 'reassign', label: string) => (
    <button type="button" className="button" aria-label={`${label} ${activity.title}`} aria-expanded={editing === which} onClick={() => setEditing(editing === which ? null : which)}>
      {label}
    </button>
  );

  return (
    <li className={`activity activity-${activity.status}${activity.overdue && open ? ' activity-overdue' : ''}`} aria-label={activity.title}>
      <div className="activity-summary">
        <span className={`badge activity-kind activity-kind-${activity.kind}`}>{KIND_LABELS[activity.kind]}</span>
        <span className="activity-title">{activity.title}</span>
        {activity.overdue && open ? <span className="badge activity-overdue-badge">Overdue</span> : null}
      </div>
      <p className="muted small activity-meta">
        {activityWhen(activity)} · {activity.assignee.name}
        {open ? '' : ` · ${closedText(activity)}`}
      </p>
      {activity.note ? <p className="small pre-wrap activity-note-text">{activity.note}</p> : null}
      {mayChange && activity.status !== 'cancelled' ? (
        <div className="activity-actions">
          {open ? (
            <>
              {stepButton('complete')}
              {editButton('move', 'Move')}
              {editButton('reassign', 'Reassign')}
              {stepButton('cancel')}
            </>
          ) : (
            stepButton('reopen')
          )}
        </div>
      ) : null}
      {step.error ? (
        <p className="form-error" role="alert">
          {errorMessage(step.error)}
        </p>
      ) : null}
      {open && editing === 'move' ? <MoveActivityForm activity={activity} onDone={() => setEditing(null)} /> : null}
      {open && editing === 'reassign' ? <ReassignActivityForm activity={activity} onDone={() => setEditing(null)} /> : null}
    </li>
  );
}
