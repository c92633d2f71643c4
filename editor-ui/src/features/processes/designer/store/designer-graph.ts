import type { FlowProblem } from '../../../../api/types';
import { toFlowGraph } from '../../diagram/flow-graph';
import type { ProcessEdge, ProcessGraph, ProcessNode } from '../../diagram/process-graph';
import type { DesignDefinition } from '../model/design-definition';

export type ProblemsByStep = Record<string, FlowProblem[]>;

export const HAS_PROBLEM = 'has-problem';

/**
 * The definition drawn for editing: phase 1's flow graph, keeping what React Flow knows of the nodes already
 * drawn (selection, measured size) and marking the steps the checklist has problems for.
 */
export function drawDefinition(definition: DesignDefinition, problems: ProblemsByStep, previous: { nodes: ProcessNode[]; edges: ProcessEdge[] }): ProcessGraph {
  const graph = toFlowGraph(definition);
  const nodesBefore = new Map(previous.nodes.map((node) => [node.id, node]));
  const edgesBefore = new Map(previous.edges.map((edge) => [edge.id, edge]));
  const nodes = graph.nodes.map((node) => {
    const before = nodesBefore.get(node.id);
    const drawn = { ...node, selected: before?.selected ?? false, className: problems[node.id]?.length ? HAS_PROBLEM : undefined };
    return (before?.measured ? { ...drawn, measured: before.measured } : drawn) as ProcessNode;
  });
  const edges = graph.edges.map((edge) => ({ ...edge, selected: edgesBefore.get(edge.id)?.selected ?? false }));
  return { nodes, edges };
}

/** Problems grouped by the step they are about; problems about no step are left out. */
export function groupByStep(problems: FlowProblem[]): ProblemsByStep {
  const grouped: ProblemsByStep = {};
  for (const problem of problems) if (problem.stepId) (grouped[problem.stepId] ??= []).push(problem);
  return grouped;
}
