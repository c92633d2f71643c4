import { describe, expect, it } from 'vitest';
import { aFlowProcess, anInvoiceFlow } from '../test-support/flow-fixtures';
import { aProcess } from '../test-support/process-fixtures';
import { toFlowGraph } from './flow-graph';
import { layoutGraph } from './layout-graph';
import { endNodeId, stageNodeId, START_ID, toProcessGraph } from './process-graph';

describe('layoutGraph', () => {
  it('places the process left to right: start, stages in order, then the ends', async () => {
    const { nodes, edges } = await layoutGraph(toProcessGraph(aProcess()));
    const x = (id: string) => nodes.find((node) => node.id === id)!.position.x;
    const chain = [START_ID, stageNodeId('open'), stageNodeId('overdue'), stageNodeId('finance'), endNodeId('paid')];
    for (let i = 1; i < chain.length; i++) expect(x(chain[i]!)).toBeGreaterThan(x(chain[i - 1]!));
    const ends = nodes.filter((node) => node.type === 'end');
    expect(new Set(ends.map((node) => node.position.y)).size).toBe(ends.length);
    expect(edges).toEqual(toProcessGraph(aProcess()).edges);
  });
});

describe('layoutGraph on a designed flow', () => {
  it('lays out every kind of step left to right, each decision path from its own port', async () => {
    const graph = toFlowGraph(aFlowProcess());
    const { nodes, edges } = await layoutGraph(graph);
    const x = (id: string) => nodes.find((node) => node.id === id)!.position.x;
    const chain = ['start', 'remind', 'wait', 'chase', 'decide', 'escalate', 'written-off'];
    for (let i = 1; i < chain.length; i++) expect(x(chain[i]!)).toBeGreaterThan(x(chain[i - 1]!));
    expect(x('paid')).toBeGreaterThan(x('decide'));
    expect(edges).toEqual(graph.edges);
  });

  it('keeps the saved position of every placed step and lays out only the others', async () => {
    const flow = anInvoiceFlow();
    Object.assign(flow.steps[0]!, { position: { x: -500, y: 900 } });
    Object.assign(flow.steps[4]!, { position: { x: 12, y: 34 } });
    const { nodes } = await layoutGraph(toFlowGraph(aFlowProcess(flow)));
    const position = (id: string) => nodes.find((node) => node.id === id)!.position;
    expect(position('start')).toEqual({ x: -500, y: 900 });
    expect(position('decide')).toEqual({ x: 12, y: 34 });
    expect(position('wait').x).toBeGreaterThan(position('remind').x);
  });

  it('moves nothing when every step was placed', async () => {
    const flow = anInvoiceFlow();
    flow.steps.forEach((step, index) => Object.assign(step, { position: { x: index * 10, y: -index } }));
    const graph = toFlowGraph(aFlowProcess(flow));
    const laidOut = await layoutGraph(graph);
    expect(laidOut.nodes.map((node) => node.position)).toEqual(flow.steps.map((step) => step.position));
  });
});
