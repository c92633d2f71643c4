import type { FlowProblem, FlowStep, Stage } from '../../../../api/types';
import { useDesignerOptions } from '../designer-lists';
import type { DesignDefinition } from '../model/design-definition';
import { STEP_SCHEMAS, type FieldSchema } from '../model/step-schemas';
import { selectSetLink, selectUpdateStage, selectUpdateStep } from '../store/designer-selectors';
import { useDesigner } from '../store/designer-store-context';
import { DecisionRows } from './decision-rows';
import { EscalationLadder } from './escalation-ladder';
import { FieldProblems } from './field-problems';
import { SchemaField as SchemaFieldFor } from './schema-field';
import { LinkFields } from './link-fields';
import { RemindersEditor } from './reminders-editor';

interface StepFormProps {
  definition: DesignDefinition;
  step: FlowStep;
  /** The check endpoint's problems about this step. */
  problems: FlowProblem[];
}

/** The selected step's fields, generated from its kind's schema, each with the problems the check found in it. */
export function StepForm({ definition, step, problems }: StepFormProps) {
  const options = useDesignerOptions();
  const updateStep = useDesigner(selectUpdateStep);
  const updateStage = useDesigner(selectUpdateStage);
  const setLink = useDesigner(selectSetLink);
  const schema = STEP_SCHEMAS[step.kind];
  const stepIndex = definition.flow.steps.indexOf(step);
  const stageIndex = step.kind === 'stage' ? definition.stages.findIndex((stage) => stage.key === step.stageKey) : -1;
  const stage: Stage | undefined = definition.stages[stageIndex];
  const pathOf = (field: FieldSchema) => (field.target === 'stage' ? `stages[${stageIndex}].${field.name}` : `flow.steps[${stepIndex}].${field.name}`);
  const valueOf = (field: FieldSchema) =>
    field.target === 'stage' ? (stage as Record<string, unknown> | undefined)?.[field.name] : (step as unknown as Record<string, unknown>)[field.name];
  const shownFields = new Set(schema.fields.map(pathOf));
  // The reminders editor shows its own problems (stages[i].reminders[j].beforeMinutes).
  const remindersPath = `stages[${stageIndex}].reminders`;
  const reminderProblems = problems.filter((problem) => stageIndex >= 0 && problem.field?.startsWith(remindersPath));
  const general = problems.filter((problem) => !problem.field || (!shownFields.has(problem.field) && !reminderProblems.includes(problem)));

  return (
    <form className="designer-form" aria-label={`${schema.title} step`} onSubmit={(event) => event.preventDefault()}>
      <h2>
        {schema.title} <code className="small">{step.id}</code>
      </h2>
      <FieldProblems problems={general} />
      {schema.fields.map((field) => (
        <SchemaFieldFor key={pathOf(field)} field={field} value={valueOf(field)} problems={problems.filter((problem) => problem.field === pathOf(field))} options={field.options ? options[field.options] : []} onChange={(value, gesture) =>
          field.target === 'stage' ? updateStage(step.id, { [field.name]: value }, gesture) : updateStep(step.id, { [field.name]: value }, gesture)
        } />
      ))}
      {step.kind === 'stage' && stage ? <EscalationLadder stage={stage} queues={options.queues} onChange={(escalation) => updateStage(step.id, { escalation })} /> : null}
      {step.kind === 'stage' && stage ? <RemindersEditor stepId={step.id} stage={stage} problems={reminderProblems} /> : null}
      {step.kind === 'decision' ? <DecisionRows definition={definition} step={step} /> : null}
      <LinkFields definition={definition} step={step} onLink={(on, to) => setLink(step.id, on, to)} />
    </form>
  );
}
