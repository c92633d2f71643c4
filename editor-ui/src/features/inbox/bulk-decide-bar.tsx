import { useState, type FormEvent } from 'react';
import type { Task } from '../../api/types';
import { decideTask, useTaskMutation } from '../task/task-api';
import { commonDecisions, decideAll, tasksNeedingForm, type BulkResult } from './bulk-decide';

interface BulkDecideBarProps {
  tasks: Task[];
  onDone: (result: BulkResult) => void;
  onClear: () => void;
}

/** One decision and one comment for every selected task. */
export function BulkDecideBar({ tasks, onDone, onClear }: BulkDecideBarProps) {
  const decisions = commonDecisions(tasks);
  const needingForm = tasksNeedingForm(tasks);
  const [decisionKey, setDecisionKey] = useState('');
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const bulk = useTaskMutation((input: { decision: string; comment?: string }) => decideAll(tasks, input, decideTask));

  const chosen = decisions.find((d) => d.key === decisionKey);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) return setError('Choose a decision.');
    if (chosen.commentRequired && comment.trim() === '') return setError(`A comment is required to ${chosen.label.toLowerCase()}.`);
    setError(null);
    bulk.mutate(
      { decision: chosen.key, comment: comment.trim() || undefined },
      {
        onSuccess: (result) => {
          setComment('');
          onDone(result);
        },
      },
    );
  };

  return (
    <form className="bulk-bar" aria-label="Bulk decide" onSubmit={submit}>
      <strong>{tasks.length} selected</strong>
      {needingForm.length > 0 ? (
        <p className="form-error" role="alert">
          {needingForm.map((t) => t.title).join(', ')} {needingForm.length === 1 ? 'asks' : 'ask'} for fields: decide{' '}
          {needingForm.length === 1 ? 'it' : 'them'} on {needingForm.length === 1 ? 'its' : 'their'} own page.
        </p>
      ) : decisions.length === 0 ? (
        <p className="muted">The selected tasks have no decision in common.</p>
      ) : (
        <>
          <label className="field field-inline">
            <span>Decision</span>
            <select value={decisionKey} onChange={(e) => setDecisionKey(e.target.value)}>
              <option value="">Choose…</option>
              {decisions.map((d) => (
                <option key={d.key} value={d.key}>
                  {d.label}
                </option>
              ))}
            </select>
          </label>
          <label className="field field-inline field-grow">
            <span>Comment{chosen?.commentRequired ? ' (required)' : ''}</span>
            <input type="text" value={comment} onChange={(e) => setComment(e.target.value)} placeholder="One comment for all selected tasks" />
          </label>
          <button type="submit" className="button button-primary" disabled={bulk.isPending}>
            {bulk.isPending ? 'Deciding…' : `Decide ${tasks.length}`}
          </button>
        </>
      )}
      <button type="button" className="button button-ghost" onClick={onClear}>
        Clear selection
      </button>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}
