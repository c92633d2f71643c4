import { DetailsList } from '../../../components/details-list';
import type { DecisionNode, DelayNode, EscalateNode, MessageNode, OutcomeNode } from './flow-nodes';
import { describePriority } from './flow-step-text';
import { formatMinutes } from './process-graph';

type StepNode = DecisionNode | DelayNode | MessageNode | EscalateNode | OutcomeNode;

/** A flow step's fields, read-only: what its n8n node will be configured with. */
export function StepProperties({ node }: { node: StepNode }) {
  const { step } = node.data;
  switch (node.type) {
    case 'decision':
      return (
        <>
          <h2>Decision: {node.data.title}</h2>
          <DetailsList
            items={[
              ['Step', step.id],
              ['Task title', node.data.step.title],
              ['Queue', node.data.step.queue ?? (node.data.queue ? `${node.data.queue} (the stage's)` : null)],
              ['Counted in stage', node.data.step.stageKey ?? 'the stage before it'],
              ['Due', node.data.step.dueInMinutes === undefined ? 'no deadline' : formatMinutes(node.data.step.dueInMinutes)],
              ['Outcomes', node.data.outcomes.map((outcome) => outcome.label).join(', ')],
            ]}
          />
        </>
      );
    case 'delay':
      return (
        <>
          <h2>Wait: {node.data.title}</h2>
          <DetailsList
            items={[
              ['Step', step.id],
              ['Waits', node.data.wait],
              ['Anchor', node.data.step.anchorField],
              ['Time', node.data.step.unit === 'businessDays' ? 'business days (the stage calendar)' : 'calendar time'],
            ]}
          />
        </>
      );
    case 'message':
      return (
        <>
          <h2>Message: {node.data.title}</h2>
          <DetailsList
            items={[
              ['Step', step.id],
              ['Template', node.data.template],
              ['Recipients', node.data.recipients.join(', ') || 'none'],
            ]}
          />
        </>
      );
    case 'escalate':
      return (
        <>
          <h2>Escalate: {node.data.title}</h2>
          <DetailsList
            items={[
              ['Step', step.id],
              ['To', node.data.target],
              ['Reason', node.data.reason],
              ['Priority', node.data.step.priority === undefined ? 'unchanged' : describePriority(node.data.step.priority)],
            ]}
          />
        </>
      );
    case 'outcome':
      return (
        <>
          <h2>{node.data.cancels ? 'Cancel' : 'Complete'}: {node.data.title}</h2>
          <DetailsList items={[['Step', step.id], ['Outcome', node.data.step.outcome]]} />
          <p className="small">{node.data.cancels ? 'The case is cancelled here.' : `The case completes with the outcome "${node.data.step.outcome}".`}</p>
        </>
      );
  }
}
