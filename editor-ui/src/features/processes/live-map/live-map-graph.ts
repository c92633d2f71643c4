import { toFlowGraph } from '../diagram/flow-graph';
import { toProcessGraph, type DiagramDefinition, type ProcessGraph } from '../diagram/process-graph';

/** What the map draws: the designed flow when the version has one, else its stage list (versions saved before the designer). */
export const toMapGraph = (definition: DiagramDefinition): ProcessGraph =>
  definition.flow ? toFlowGraph({ ...definition, flow: definition.flow }) : toProcessGraph(definition);
