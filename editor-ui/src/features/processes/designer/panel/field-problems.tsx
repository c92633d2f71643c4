import type { FlowProblem } from '../../../../api/types';

/** The check endpoint's words on one field, shown under it. */
export function FieldProblems({ problems }: { problems: FlowProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <ul className="designer-field-problems">
      {problems.map((problem, index) => (
        <li key={index} className={problem.severity === 'error' ? 'form-error' : 'designer-warning'}>
          {problem.message}
        </li>
      ))}
    </ul>
  );
}
