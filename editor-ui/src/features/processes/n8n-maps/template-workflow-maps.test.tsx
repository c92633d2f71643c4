import { render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProcessFlow } from '../../../api/types';
import type { ProcessGraph, ProcessNode } from '../diagram/process-graph';
import { FlowView } from '../live-map/flow-view';
import { toMapGraph } from '../live-map/live-map-graph';
import { stubReactFlowBrowserApis } from '../test-support/react-flow-jsdom';
import { toN8nDefinition } from './n8n-map-definition';
import type { N8nMapNode } from './n8n-map-types';

/**
 * The backend's own reader, so the UI draws exactly what GET /n8n/workflows/:id/process-map answers. Loaded
 * by path: typing it through the import would pull the backend's decorated tables into the UI's typecheck.
 */
const READER = new URL('../../../../../backend/src/n8n-workflows/read-workflow.ts', import.meta.url).pathname;
type ReadWorkflow = (workflow: unknown) => { flow: ProcessFlow; nodes: N8nMapNode[] };
const { readWorkflow } = (await import(/* @vite-ignore */ READER)) as { readWorkflow: ReadWorkflow };

vi.mock('../diagram/layout-graph', () => ({
  layoutGraph: async (graph: ProcessGraph) => ({ ...graph, nodes: graph.nodes.map((node, index) => ({ ...node, position: { x: index * 300, y: 0 } }) as ProcessNode) }),
}));

beforeEach(() => stubReactFlowBrowserApis());
afterEach(() => vi.unstubAllGlobals());

interface WorkflowFile {
  name: string;
  nodes: Array<{ name: string; type: string }>;
}

const TEMPLATE_WORKFLOWS = import.meta.glob<WorkflowFile>('../../../../../templates/*/workflows/*.json', { eager: true, import: 'default' });
const CASEFLOW_NODE = /^n8n-nodes-caseflow\./;

describe('the shipped templates drawn as process maps', () => {
  it('finds every template workflow', () => {
    expect(Object.keys(TEMPLATE_WORKFLOWS).length).toBeGreaterThanOrEqual(7);
  });

  describe.each(Object.entries(TEMPLATE_WORKFLOWS))('%s', (_path, workflow) => {
    const read = readWorkflow(workflow);
    const caseflowNodes = workflow.nodes.filter((node) => CASEFLOW_NODE.test(node.type));

    it('accounts for every Caseflow node: it became a step, or says why not', () => {
      expect(caseflowNodes.length).toBeGreaterThan(0);
      for (const node of caseflowNodes) {
        const reading = read.nodes.find((candidate) => candidate.name === node.name);
        expect({ node: node.name, accounted: reading !== undefined && (reading.stepId !== null || (reading.note ?? '') !== '') }).toEqual({
          node: node.name,
          accounted: true,
        });
        if (reading?.stepId) expect(read.flow.steps.map((step) => step.id)).toContain(reading.stepId);
      }
    });

    it('draws one node per step and one edge per link', async () => {
      const flow = read.flow;
      const definition = toN8nDefinition({ workflowId: 'wf', name: workflow.name, flow, nodes: read.nodes });
      const { container } = render(<FlowView graph={toMapGraph(definition)} stages={{}} figures={null} label={`Process map of ${workflow.name}`} />);
      await screen.findByRole('figure', { name: `Process map of ${workflow.name}` });
      await vi.waitFor(() => expect(container.querySelectorAll('.react-flow__node')).toHaveLength(flow.steps.length));
      const drawnLinks = flow.links.filter((link) => flow.steps.some((s) => s.id === link.from) && flow.steps.some((s) => s.id === link.to));
      expect(drawnLinks).toHaveLength(flow.links.length);
      await vi.waitFor(() => expect(container.querySelectorAll('.react-flow__edge')).toHaveLength(flow.links.length));
    });
  });
});
