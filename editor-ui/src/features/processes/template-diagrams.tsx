import { lazy, Suspense, useMemo, useState } from 'react';
import { Loading } from '../../components/page-state';
import type { DiagramDefinition } from './diagram/process-graph';

// React Flow and elk load only when someone asks to see a diagram.
const ProcessDiagram = lazy(() => import('./diagram/process-diagram'));

/**
 * A template's processes drawn before it is installed, from the definitions the gallery response
 * (GET /templates) carries; a process without stages has nothing to draw.
 */
export function TemplateDiagrams({ processes }: { processes: Array<Partial<DiagramDefinition>> | undefined }) {
  const [open, setOpen] = useState(false);
  const drawable = useMemo(() => (processes ?? []).flatMap(toDrawable), [processes]);
  if (drawable.length === 0) return null;
  return (
    <div className="stack">
      <button type="button" className="button button-ghost" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? 'Hide diagram' : drawable.length === 1 ? 'Show diagram' : `Show ${drawable.length} diagrams`}
      </button>
      {open ? (
        <Suspense fallback={<Loading label="Drawing…" />}>
          {drawable.map((definition) => (
            <ProcessDiagram key={definition.key} definition={definition} compact />
          ))}
        </Suspense>
      ) : null}
    </div>
  );
}

/** A process.json as the backend would send it: only key and stages are needed to draw it; its flow, if designed, is drawn instead. */
function toDrawable(process: Partial<DiagramDefinition>): DiagramDefinition[] {
  if (typeof process.key !== 'string' || !Array.isArray(process.stages) || process.stages.length === 0) return [];
  return [
    {
      key: process.key,
      name: process.name ?? process.key,
      entityTypes: process.entityTypes ?? [],
      stages: process.stages,
      decisions: process.decisions ?? [],
      intake: process.intake ?? [],
      calendarKey: process.calendarKey ?? null,
      flow: process.flow ?? null,
    },
  ];
}
