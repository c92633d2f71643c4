import { ReactFlow, ReactFlowProvider } from '@xyflow/react';
import { render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { aFlowProcess } from '../../test-support/flow-fixtures';
import { aProcess } from '../../test-support/process-fixtures';
import { stubReactFlowBrowserApis } from '../../test-support/react-flow-jsdom';
import { EDGE_TYPES } from '../edges/edge-types';
import { labelWithShare } from '../edges/edge-label';
import { toFlowGraph } from '../flow-graph';
import type { LiveCounts } from '../flow-nodes';
import { toProcessGraph, type ProcessEdge, type ProcessGraph, type ProcessNode } from '../process-graph';
import { NODE_TYPES } from './node-types';

beforeEach(() => stubReactFlowBrowserApis());
afterEach(() => vi.unstubAllGlobals());

const BUSY: LiveCounts = { open: 12, overdue: 3, stalled: 2, breached: 1, medianMinutes: 120, p90Minutes: 1440 };
const QUIET: LiveCounts = { open: 4, overdue: 0, stalled: 0, breached: 0, medianMinutes: null, p90Minutes: null };

function drawGraph({ nodes, edges }: ProcessGraph) {
  // Spread along a row so every node is inside the viewport.
  const placed = nodes.map((node, index) => ({ ...node, position: { x: index * 260, y: 0 } }) as ProcessNode);
  render(
    <ReactFlowProvider>
      <div style={{ width: 2400, height: 600 }}>
        <ReactFlow<ProcessNode, ProcessEdge> nodes={placed} edges={edges} nodeTypes={NODE_TYPES} edgeTypes={EDGE_TYPES} />
      </div>
    </ReactFlowProvider>,
  );
}

const withLive = (graph: ProcessGraph, live: LiveCounts): ProcessGraph => ({
  ...graph,
  nodes: graph.nodes.map((node) => ({ ...node, data: { ...node.data, live } }) as ProcessNode),
});
const nodeElement = (id: string) => document.querySelector<HTMLElement>(`.react-flow__node[data-id="${id}"] .flow-node`)!;

describe('the live overlay', () => {
  it('shows open, overdue and stalled cases and time in step on every kind of node, and marks a breach', async () => {
    drawGraph(withLive(toFlowGraph(aFlowProcess()), BUSY));
    const overlays = await screen.findAllByRole('list', { name: 'Live traffic' });
    expect(overlays).toHaveLength(aFlowProcess().flow.steps.length);
    for (const overlay of overlays) {
      expect(within(overlay).getByText('12 open')).toBeInTheDocument();
      expect(within(overlay).getByText('3 overdue')).toHaveClass('flow-live-overdue');
      expect(within(overlay).getByText('2 stalled')).toBeInTheDocument();
      expect(within(overlay).getByText('median 2 h · p90 1 d')).toBeInTheDocument();
    }
    for (const id of ['start', 'remind', 'wait', 'chase', 'decide', 'escalate', 'paid']) expect(nodeElement(id)).toHaveClass('is-breached');
  });

  it('leaves out what is zero or unknown, and the breach border when nothing breached', async () => {
    drawGraph(withLive(toFlowGraph(aFlowProcess()), QUIET));
    const overlay = within(await screen.findByText('Was it paid?').then((title) => title.closest('.flow-node') as HTMLElement)).getByRole('list', {
      name: 'Live traffic',
    });
    expect(overlay).toHaveTextContent(/^4 open$/);
    expect(nodeElement('decide')).not.toHaveClass('is-breached');
  });

  it('draws the stage list with the overlay too, the end circle included', async () => {
    drawGraph(withLive(toProcessGraph(aProcess()), QUIET));
    expect(await screen.findAllByRole('list', { name: 'Live traffic' })).toHaveLength(toProcessGraph(aProcess()).nodes.length);
  });

  it('shows nothing when no traffic is known', async () => {
    drawGraph(toFlowGraph(aFlowProcess()));
    await screen.findByText('Was it paid?');
    expect(screen.queryByRole('list', { name: 'Live traffic' })).not.toBeInTheDocument();
    expect(document.querySelector('.is-breached')).toBeNull();
  });
});

describe('edge shares', () => {
  it('adds the share of cases to the decision label', async () => {
    const graph = toFlowGraph(aFlowProcess());
    const edges = graph.edges.map((edge) => (edge.id === 'decide->paid:paid' ? { ...edge, data: { ...edge.data!, share: 0.62 } } : edge));
    drawGraph({ ...graph, edges });
    expect(await screen.findByText('Payment received · 62%')).toBeInTheDocument();
    // Every decision path found its own handle: React Flow drops an edge whose handle is missing.
    expect(document.querySelectorAll('.react-flow__edge')).toHaveLength(graph.edges.length);
    expect(screen.getByText('Write off', { selector: '.react-flow__edge-text' })).toBeInTheDocument();
  });

  it('reads the share as a percentage, with the count when known', () => {
    expect(labelWithShare('Approve', { decision: null, share: 0.615, count: 31 })).toBe('Approve · 62% (31)');
    expect(labelWithShare(undefined, { decision: null, share: 1 })).toBe('100%');
    expect(labelWithShare('Approve', { decision: null })).toBe('Approve');
    expect(labelWithShare(undefined, undefined)).toBeUndefined();
  });
});
