import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/page-state';
import { SlaBadge, StatusBadge } from '../../components/sla-badge';
import { slaStateOf } from '../../lib/sla';
import { useNow } from '../../lib/use-now';
import { useSession } from '../../session/session';
import { DocumentsSection } from '../documents/documents-section';
import { ClaimButton } from '../inbox/claim-button';
import { CaseProgress } from './case-progress';
import { DecidedSummary } from './decided-summary';
import { DecisionForm } from './decision-form';
import { taskKeys, useTask } from './task-api';
import { TaskContext } from './task-context';

export function TaskPage() {
  const { taskId = '' } = useParams();
  const [params] = useSearchParams();
  const task = useTask(taskId);
  const { me, can } = useSession();
  const queryClient = useQueryClient();
  const [conflict, setConflict] = useState<string | null>(null);
  const [decidedHere, setDecidedHere] = useState(false);
  const now = useNow();

  const refresh = () => queryClient.invalidateQueries({ queryKey: taskKeys.detail(taskId) });

  return (
    <QueryState query={task} loadingLabel="Loading task…">
      {(t) => {
        const open = t.status === 'open' || t.status === 'claimed';
        return (
          <article className="task-page">
            <PageHeader
              title={t.title}
              subtitle={
                <>
                  {open ? <SlaBadge state={slaStateOf(t, now)} /> : null} <StatusBadge status={t.status} /> {t.queue.name} ·{' '}
                  <Link to={`/instances/${t.instanceId}`}>Open the case</Link>
                </>
              }
              actions={open && can('tasks:write') ? <ClaimButton task={t} myId={me?.id ?? null} /> : null}
            />
            {conflict ? (
              <div className="notice notice-warning" role="alert">
                <strong>Someone else got here first.</strong> {conflict} Your decision was not recorded; what was decided is shown
                below.
              </div>
            ) : null}
            <div className="two-columns">
              <div className="column-main">
                <section className="card" aria-labelledby="instructions-title">
                  <h2 id="instructions-title">Instructions</h2>
                  {t.instructions ? <p className="pre-wrap">{t.instructions}</p> : <p className="muted">No instructions for this task.</p>}
                </section>
                <DocumentsSection instanceId={t.instanceId} taskId={t.id} />
                <section className="card" aria-labelledby="decision-title">
                  <h2 id="decision-title">Decision</h2>
                  {open && can('tasks:write') ? (
                    <DecisionForm
                      task={t}
                      initialDecision={params.get('decision') ?? undefined}
                      onDecided={() => {
                        setDecidedHere(true);
                        void refresh();
                      }}
                      onConflict={(message) => {
                        setConflict(message);
                        void refresh();
                      }}
                    />
                  ) : open ? (
                    <p className="muted">Waiting for a decision. Your role can read tasks but not decide them.</p>
                  ) : (
                    <DecidedSummary task={t} />
                  )}
                  {decidedHere || (!open && t.status === 'decided') ? <CaseProgress instanceId={t.instanceId} fromStage={t.stageKey} onMoved={() => void refresh()} /> : null}
                </section>
                <TaskComments task={t} />
              </div>
              <TaskContext task={t} />
            </div>
          </article>
        );
      }}
    </QueryState>
  );
}

function TaskComments({ task }: { task: { comments: Array<{ id: string; body: string; createdAt: string; author?: { name: string } | null }> } }) {
  if (task.comments.length === 0) return null;
  return (
    <section className="card" aria-labelledby="comments-title">
      <h2 id="comments-title">Comments</h2>
      <ul className="comment-list">
        {task.comments.map((c) => (
          <li key={c.id}>
            <p className="pre-wrap">{c.body}</p>
            <p className="muted small">
              {c.author?.name ?? 'Someone'} · {new Date(c.createdAt).toLocaleString()}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
