import { Empty } from '../../../components/page-state';
import { describeStep } from './n8n-map-definition';
import { isCaseflowNode, type N8nProcessMap } from './n8n-map-types';

/** Every Caseflow node of the workflow and the step it became, or why it became none. */
export function CaseflowNodeList({ map }: { map: N8nProcessMap }) {
  const caseflowNodes = map.nodes.filter(isCaseflowNode);
  const others = map.nodes.length - caseflowNodes.length;
  const stepOf = (stepId: string | null) => map.flow.steps.find((step) => step.id === stepId);
  return (
    <aside className="card live-map-side" aria-label="Caseflow nodes">
      <h2>Caseflow nodes</h2>
      {caseflowNodes.length === 0 ? (
        <Empty title="No Caseflow nodes" />
      ) : (
        <ul>
          {caseflowNodes.map((node) => {
            const step = stepOf(node.stepId);
            return (
              <li key={node.name}>
                <strong>{node.name}</strong>
                <div>{step ? `→ ${describeStep(step)}` : <span className="muted">No step</span>}</div>
                {node.note ? <div className="small muted">{node.note}</div> : null}
              </li>
            );
          })}
        </ul>
      )}
      {others > 0 ? <p className="small muted">{others === 1 ? '1 other n8n node is' : `${others} other n8n nodes are`} passed through.</p> : null}
    </aside>
  );
}
