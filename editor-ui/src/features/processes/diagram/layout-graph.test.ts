import { describe, expect, it } from 'vitest';
import { aProcess } from '../test-support/process-fixtures';
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
