import { describe, expect, it } from 'vitest';
import type { ProcessFlow } from '../../../api/types';
import { aFlowProcess, anInvoiceFlow } from '../test-support/flow-fixtures';
import { flowEdgeId, savedPosition, toFlowGraph } from './flow-graph';
import type { ProcessNode } from './process-graph';

const nodeOf = (nodes: ProcessNode[], id: string) => nodes.find((node) => node.id === id)!;
const withFlow = (change: (flow: ProcessFlow) => void) => {
  const flow = anInvoiceFlow();
  change(flow);
  return aFlowProcess(flow);
};

describe('toFlowGraph', () => {
  it('draws one node per step, its id the step id and its type the step kind', () => {
    const { nodes } = toFlowGraph(aFlowProcess());
    expect(nodes.map((node) => [node.id, node.type])).toEqual([
      ['start', 'start'],
      ['remind', 'message'],
      ['wait', 'delay'],
      ['chase', 'stage'],
      ['decide', 'decision'],
      ['escalate', 'escalate'],
      ['paid', 'outcome'],
      ['written-off', 'outcome'],
    ]);
  });

  it('gives the start the record types and intake, and a stage step its stage from the definition', () => {
    const { nodes } = toFlowGraph(aFlowProcess());
    expect(nodeOf(nodes, 'start').data).toMatchObject({ entityTypes: ['invoice'], intake: [{ path: 'entity.email' }, { path: 'data.amount' }] });
    expect(nodeOf(nodes, 'chase').data).toMatchObject({ position: 3, stage: { name: 'Finance escalation', ownerQueue: 'finance', slaMinutes: 2400 } });
  });

  it('says so when a stage step names a stage the process does not have', () => {
    const { nodes } = toFlowGraph(withFlow((flow) => flow.steps.splice(3, 1, { id: 'chase', kind: 'stage', stageKey: 'legal' })));
    expect(nodeOf(nodes, 'chase').data).toMatchObject({ position: null, stage: { key: 'legal', name: 'legal' } });
  });

  it("shows a decision's title, the queue of the stage before it, its deadline and one outcome per path", () => {
    const decision = nodeOf(toFlowGraph(aFlowProcess()).nodes, 'decide');
    expect(decision.data).toMatchObject({
      title: 'Was it paid?',
      queue: 'finance',
      due: 'Due in 2 d',
      outcomes: [
        { handle: 'paid', label: 'Payment received' },
        { handle: 'write-off', label: 'Write off' },
        { handle: 'timedOut', label: 'Timed out' },
      ],
    });
  });

  it('prefers the decision step\'s own queue and has no "timed out" outcome without a deadline', () => {
    const graph = toFlowGraph(
      withFlow((flow) => {
        flow.steps[4] = { id: 'decide', kind: 'decision', title: 'Was it paid?', decisions: ['paid', 'write-off'], queue: 'collections' };
        flow.links = flow.links.filter((link) => link.on !== 'timedOut');
      }),
    );
    const decision = nodeOf(graph.nodes, 'decide');
    expect(decision.data).toMatchObject({ queue: 'collections', due: null });
    expect(decision.type === 'decision' && decision.data.outcomes.map((outcome) => outcome.handle)).toEqual(['paid', 'write-off']);
  });

  it('describes the wait, the message, the escalation and the outcomes in words', () => {
    const { nodes } = toFlowGraph(aFlowProcess());
    expect(nodeOf(nodes, 'wait').data).toMatchObject({ title: '3 days after data.dueDate', wait: '3 days after data.dueDate' });
    expect(nodeOf(nodes, 'remind').data).toMatchObject({ title: 'invoice-reminder', recipients: ['the record', "the record's manager", 'ar@example.com'] });
    expect(nodeOf(nodes, 'escalate').data).toMatchObject({ title: 'To queue finance-managers', target: 'queue finance-managers', reason: 'Nobody decided in time' });
    expect(nodeOf(nodes, 'paid').data).toMatchObject({ title: 'paid', cancels: false });
    expect(nodeOf(nodes, 'written-off').data).toMatchObject({ title: 'Cancelled', cancels: true });
  });

  it("uses a step's label as its title", () => {
    const { nodes } = toFlowGraph(withFlow((flow) => Object.assign(flow.steps[2]!, { label: 'Grace period' })));
    expect(nodeOf(nodes, 'wait').data).toMatchObject({ title: 'Grace period', wait: '3 days after data.dueDate' });
  });

  it('draws one edge per link with a stable id; decision paths leave their own handle, labelled with the decision', () => {
    const { edges } = toFlowGraph(aFlowProcess());
    expect(edges.map((edge) => [edge.id, edge.sourceHandle, edge.label])).toEqual([
      ['start->remind', undefined, undefined],
      ['remind->wait', undefined, undefined],
      ['wait->chase', undefined, undefined],
      ['chase->decide', undefined, undefined],
      ['decide->paid:paid', 'paid', 'Payment received'],
      ['decide->written-off:write-off', 'write-off', 'Write off'],
      ['decide->escalate:timedOut', 'timedOut', 'Timed out'],
      ['escalate->written-off', undefined, undefined],
    ]);
    expect(edges.every((edge) => edge.type === 'link')).toBe(true);
    expect(edges[5]!.data).toEqual({ decision: { key: 'write-off', label: 'Write off', commentRequired: true }, link: { from: 'decide', to: 'written-off', on: 'write-off' } });
    expect(flowEdgeId({ from: 'a', to: 'b' })).toBe('a->b');
  });

  it('leaves out links to or from no step, and gives a stray `on` a handle only on a decision', () => {
    const { nodes, edges } = toFlowGraph(
      withFlow((flow) => {
        flow.links.push({ from: 'decide', to: 'ghost', on: 'paid' }, { from: 'wait', to: 'paid', on: 'paid' }, { from: 'decide', to: 'paid', on: 'maybe' });
      }),
    );
    expect(edges.some((edge) => edge.target === 'ghost')).toBe(false);
    expect(edges.find((edge) => edge.id === 'wait->paid:paid')?.sourceHandle).toBeUndefined();
    expect(edges.find((edge) => edge.id === 'decide->paid:maybe')).toMatchObject({ sourceHandle: 'maybe', label: 'maybe', data: { decision: null } });
    const decision = nodeOf(nodes, 'decide');
    expect(decision.type === 'decision' && decision.data.outcomes.map((outcome) => outcome.handle)).toEqual(['paid', 'write-off', 'timedOut', 'maybe']);
  });

  it('places steps where they were saved and marks the rest for layout', () => {
    const { nodes } = toFlowGraph(withFlow((flow) => Object.assign(flow.steps[1]!, { position: { x: 40, y: 80 } })));
    expect(nodeOf(nodes, 'remind').position).toEqual({ x: 40, y: 80 });
    expect(savedPosition(nodeOf(nodes, 'remind'))).toEqual({ x: 40, y: 80 });
    expect(savedPosition(nodeOf(nodes, 'wait'))).toBeUndefined();
  });

  it('keeps node data plain JSON and leaves the definition untouched', () => {
    const definition = aFlowProcess();
    const before = structuredClone(definition);
    const { nodes, edges } = toFlowGraph(definition);
    expect(JSON.parse(JSON.stringify({ nodes, edges }))).toEqual({ nodes, edges });
    expect(definition).toEqual(before);
  });
});
