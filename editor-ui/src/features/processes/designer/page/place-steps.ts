import { toFlowGraph } from '../../diagram/flow-graph';
import { layoutGraph } from '../../diagram/layout-graph';
import type { DesignDefinition } from '../model/design-definition';

/** Gives the steps nobody placed (a template's flow, an old version) the places elk finds; placed steps stay. */
export async function placeUnplacedSteps(definition: DesignDefinition): Promise<DesignDefinition> {
  const laidOut = await layoutGraph(toFlowGraph(definition));
  const positions = new Map(laidOut.nodes.map((node) => [node.id, node.position]));
  const steps = definition.flow.steps.map((step) => {
    if (step.position) return step;
    const position = positions.get(step.id) ?? { x: 0, y: 0 };
    return { ...step, position: { x: Math.round(position.x), y: Math.round(position.y) } };
  });
  return { ...definition, flow: { ...definition.flow, steps } };
}
