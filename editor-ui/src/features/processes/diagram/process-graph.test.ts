import { describe, expect, it } from 'vitest';
import { aProcess } from '../test-support/process-fixtures';
import { describeStep, endNodeId, formatMinutes, stageNodeId, START_ID, toProcessGraph } from './process-graph';

describe('toProcessGraph', () => {
  it('chains the start and every stage in the order of the definition', () => {
    const { nodes, edges } = toProcessGraph(aProcess());
    const stages = nodes.filter((node) => node.type === 'stage');
    expect(stages.map((node) => node.id)).toEqual([stageNodeId('open'), stageNodeId('overdue'), stageNodeId('finance')]);
    expect(stages.map((node) => (node.type === 'stage' ? node.data.position : 0))).toEqual([1, 2, 3]);
    const plain = edges.filter((edge) => edge.data?.decision === null).map((edge) => [edge.source, edge.target]);
    expect(plain).toEqual([
      [START_ID, stageNodeId('open')],
      [stageNodeId('open'), stageNodeId('overdue')],
      [stageNodeId('overdue'), stageNodeId('finance')],
    ]);
    expect(edges.every((edge) => edge.label === undefined || edge.data?.decision)).toBe(true);
  });

  it('draws each decision as a labelled edge from the last stage to an end of its own', () => {
    const { nodes, edges } = toProcessGraph(aProcess());
    const decisions = edges.filter((edge) => edge.data?.decision);
    expect(decisions.map((edge) => [edge.source, edge.target, edge.label])).toEqual([
      [stageNodeId('finance'), endNodeId('paid'), 'Payment received'],
      [stageNodeId('finance'), endNodeId('write-off'), 'Write off (comment)'],
    ]);
    expect(nodes.filter((node) => node.type === 'end').map((node) => node.id)).toEqual([endNodeId('paid'), endNodeId('write-off')]);
  });

  it('ends after the last stage with one unlabelled edge when there are no decisions', () => {
    const { nodes, edges } = toProcessGraph(aProcess({ decisions: [] }));
    expect(nodes.filter((node) => node.type === 'end').map((node) => node.id)).toEqual([endNodeId(null)]);
    expect(edges.at(-1)).toMatchObject({ source: stageNodeId('finance'), target: endNodeId(null), data: { decision: null } });
    expect(edges.at(-1)?.label).toBeUndefined();
  });

  it('puts the entity types and intake fields on the start node', () => {
    const start = toProcessGraph(aProcess()).nodes.find((node) => node.id === START_ID);
    expect(start?.type).toBe('start');
    expect(start?.data).toEqual({
      entityTypes: ['invoice'],
      intake: [
        { path: 'entity.email', label: 'Accounts email', type: 'email', required: true },
        { path: 'data.amount', label: 'Amount', type: 'number', required: false },
      ],
    });
  });

  it('keeps node data plain JSON and leaves the definition untouched', () => {
    const definition = aProcess();
    const before = structuredClone(definition);
    const { nodes, edges } = toProcessGraph(definition);
    expect(JSON.parse(JSON.stringify({ nodes, edges }))).toEqual({ nodes, edges });
    expect(definition).toEqual(before);
  });
});

describe('formatMinutes and describeStep', () => {
  it('reads minutes in the two largest units', () => {
    expect(formatMinutes(2400)).toBe('1 d 16 h');
    expect(formatMinutes(90)).toBe('1 h 30 min');
    expect(formatMinutes(0)).toBe('0 min');
  });

  it('says when a ladder step fires, what it does and to whom', () => {
    expect(describeStep({ atPercent: 75, action: 'notify' })).toBe('75% · notify');
    expect(describeStep({ afterBreachMinutes: 60, action: 'escalate', toQueue: 'finance-managers' })).toBe('+1 h · escalate → finance-managers');
  });
});
