import { selectProblems } from '../store/designer-selectors';
import { useDesigner } from '../store/designer-store-context';

/**
 * Every problem the check endpoint reports, errors first; a problem about a step jumps to it (selects and
 * centres it). Warnings do not stop publishing.
 */
export function Checklist({ onJump }: { onJump: (stepId: string) => void }) {
  const problems = useDesigner(selectProblems);
  const sorted = problems ? [...problems].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1)) : null;
  return (
    <section className="card designer-checklist" aria-label="Checklist">
      <h2>Checklist</h2>
      {sorted === null ? (
        <p className="small muted">Checking…</p>
      ) : sorted.length === 0 ? (
        <p className="small">No problems found</p>
      ) : (
        <ul>
          {sorted.map((problem, index) => (
            <li key={`${index}:${problem.message}`} className={`designer-problem designer-problem-${problem.severity}`}>
              <button type="button" className="button-link" disabled={!problem.stepId} onClick={() => problem.stepId && onJump(problem.stepId)}>
                {problem.message}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
