import type { FlowProblem } from '../../../../api/types';
import { TIMED_OUT, TIMED_OUT_LABEL } from '../../diagram/flow-graph';
import { decisionName, stepById, stepName, type DesignDefinition } from '../model/design-definition';
import { selectDefinition, selectProblemsByStep, selectRemoveSelection, selectSelectedEdge, selectSelectedStep } from '../store/designer-selectors';
import { useDesigner } from '../store/designer-store-context';
import { StepForm } from './step-form';

const NO_PROBLEMS: FlowProblem[] = [];

/** The selected step's fields or the selected link, editable; with nothing selected, how to begin. */
export function DesignerProperties() {
  const definition = useDesigner(selectDefinition);
  const step = useDesigner(selectSelectedStep);
  const edge = useDesigner(selectSelectedEdge);
  const problemsByStep = useDesigner(selectProblemsByStep);
  return (
    <section className="card designer-properties" aria-label="Properties">
      {step ? (
        <StepForm key={step.id} definition={definition} step={step} problems={problemsByStep[step.id] ?? NO_PROBLEMS} />
      ) : edge?.data?.link ? (
        <LinkProperties definition={definition} from={edge.data.link.from} to={edge.data.link.to} on={edge.data.link.on} />
      ) : (
        <>
          <h2>Properties</h2>
          <p className="small muted">Select a step or a link to edit it. Add steps from the palette: drag one onto the canvas, or click it.</p>
        </>
      )}
    </section>
  );
}

function LinkProperties({ definition, from, to, on }: { definition: DesignDefinition; from: string; to: string; on?: string }) {
  const remove = useDesigner(selectRemoveSelection);
  const name = (id: string) => {
    const step = stepById(definition, id);
    return step ? stepName(definition, step) : id;
  };
  return (
    <>
      <h2>Link</h2>
      <p className="small">
        From <strong>{name(from)}</strong> to <strong>{name(to)}</strong>
        {on === undefined ? null : <> when the decision is <strong>{on === TIMED_OUT ? TIMED_OUT_LABEL : decisionName(definition, on)}</strong></>}.
      </p>
      <button type="button" className="button" onClick={remove}>
        Remove link
      </button>
    </>
  );
}
