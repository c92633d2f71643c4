import { DetailsList } from '../../../components/details-list';
import type { Stage } from '../../../api/types';
import { TIMED_OUT, TIMED_OUT_LABEL } from './flow-graph';
import { describeStep, formatMinutes, type DiagramDefinition, type FlowEdgeData, type ProcessNode } from './process-graph';
import { StepProperties } from './step-properties';
import { selectSelectedEdge, selectSelectedNode } from './store/selectors';
import { useDiagramStore } from './store/diagram-store-context';

/** The selected element's details, read-only for now; with nothing selected, the process itself. */
export function PropertiesPanel({ definition }: { definition: DiagramDefinition }) {
  const node = useDiagramStore(selectSelectedNode);
  const edge = useDiagramStore(selectSelectedEdge);
  return (
    <aside className="card flow-properties" aria-label="Properties">
      {node ? <NodeProperties node={node} processCalendar={definition.calendarKey ?? 'default'} /> : edge ? <EdgeProperties data={edge.data} /> : <ProcessProperties definition={definition} />}
    </aside>
  );
}

function ProcessProperties({ definition }: { definition: DiagramDefinition }) {
  return (
    <>
      <h2>{definition.name}</h2>
      <DetailsList
        items={[
          ['Key', definition.key],
          ['Record types', definition.entityTypes.join(', ')],
          ['Stages', definition.stages.length],
          ['Flow', definition.flow ? `${definition.flow.steps.length} steps` : 'drawn from the stage list'],
          ['Decisions', definition.decisions.map((d) => d.label).join(', ')],
          ['Calendar', definition.calendarKey ?? 'default'],
        ]}
      />
      <p className="small muted">Select a step or a path to see its details.</p>
    </>
  );
}

function NodeProperties({ node, processCalendar }: { node: ProcessNode; processCalendar: string }) {
  switch (node.type) {
    case 'start':
      return (
        <>
          <h2>Start</h2>
          <DetailsList items={[['Record types', node.data.entityTypes.join(', ')]]} />
          <h3>Intake</h3>
          {node.data.intake.length === 0 ? (
            <p className="small muted">A launch needs no particular data.</p>
          ) : (
            <DetailsList
              items={node.data.intake.map((field) => [
                field.label,
                `${field.path} · ${field.type}${field.options ? ` (${field.options.join(', ')})` : ''}${field.required ? ' · required' : ''}`,
              ])}
            />
          )}
        </>
      );
    case 'stage':
      return <StageProperties stage={node.data.stage} position={node.data.position} processCalendar={processCalendar} />;
    case 'decision':
    case 'delay':
    case 'message':
    case 'escalate':
    case 'outcome':
      return <StepProperties node={node} />;
    case 'end':
      return (
        <>
          <h2>End</h2>
          <p className="small">{node.data.outcome ? `Reached by the decision "${node.data.outcome.label}".` : 'The case closes after its last stage.'}</p>
        </>
      );
  }
}

function StageProperties({ stage, position, processCalendar }: { stage: Stage; position: number | null; processCalendar: string }) {
  const minutes = (value: number | undefined) => (value === undefined ? null : formatMinutes(value));
  return (
    <>
      <h2>{position === null ? `Unknown stage: ${stage.key}` : `Stage ${position}: ${stage.name}`}</h2>
      {position === null ? <p className="small form-error">The process has no stage "{stage.key}".</p> : null}
      <DetailsList
        items={[
          ['Key', stage.key],
          ['Owner queue', stage.ownerQueue],
          ['SLA', minutes(stage.slaMinutes)],
          // The backend's order: the stage's calendar, else the process's, else "default".
          ['Calendar', stage.calendar ?? `${processCalendar} (the process's)`],
          ['Stalls after', minutes(stage.stallAfterMinutes)],
        ]}
      />
      <h3>Escalation ladder</h3>
      {stage.escalation && stage.escalation.length > 0 ? (
        <ol className="small">
          {stage.escalation.map((step, index) => (
            <li key={index}>
              {describeStep(step)}
              {step.priority !== undefined ? ` · priority ${step.priority}` : ''}
              {step.template ? ` · message "${step.template}"` : ''}
            </li>
          ))}
        </ol>
      ) : (
        <p className="small muted">No escalation steps.</p>
      )}
    </>
  );
}

function EdgeProperties({ data }: { data: FlowEdgeData | undefined }) {
  const decision = data?.decision;
  if (data?.link?.on === TIMED_OUT) {
    return (
      <>
        <h2>{TIMED_OUT_LABEL}</h2>
        <p className="small">The path taken when nobody decides before the task is due.</p>
      </>
    );
  }
  if (!decision) {
    return (
      <>
        <h2>{data?.link?.on === undefined ? 'Next' : `Decision: ${data.link.on}`}</h2>
        <p className="small">
          {data?.link?.on !== undefined ? `The process has no decision "${data.link.on}".` : `The case moves on to the next ${data?.link ? 'step' : 'stage'}.`}
        </p>
      </>
    );
  }
  return (
    <>
      <h2>Decision: {decision.label}</h2>
      <DetailsList
        items={[
          ['Key', decision.key],
          ['Comment', decision.commentRequired ? 'required' : 'optional'],
        ]}
      />
      {data?.link ? null : (
        <p className="small muted">Which stage a decision belongs to and where it leads is decided in the n8n workflow; it is drawn leaving the last stage.</p>
      )}
    </>
  );
}
