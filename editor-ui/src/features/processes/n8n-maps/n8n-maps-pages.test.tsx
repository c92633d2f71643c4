import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installFakeApi } from '../../../test/fake-api';
import { renderPage } from '../../../test/render';
import type { ProcessGraph, ProcessNode } from '../diagram/process-graph';
import { designer } from '../test-support/designer';
import { stubReactFlowBrowserApis } from '../test-support/react-flow-jsdom';
import N8nProcessMapPage from './n8n-process-map-page';
import type { N8nProcessMap, N8nWorkflowSummary } from './n8n-map-types';
import N8nWorkflowsPage from './n8n-workflows-page';

vi.mock('../diagram/layout-graph', () => ({
  layoutGraph: async (graph: ProcessGraph) => ({ ...graph, nodes: graph.nodes.map((node, index) => ({ ...node, position: { x: index * 300, y: 0 } }) as ProcessNode) }),
}));

beforeEach(() => stubReactFlowBrowserApis());
afterEach(() => vi.unstubAllGlobals());

const ROUTES = [
  { path: '/processes/n8n', element: <N8nWorkflowsPage /> },
  { path: '/processes/n8n/:id', element: <N8nProcessMapPage /> },
];

const WORKFLOWS: N8nWorkflowSummary[] = [
  { id: 'wf-1', name: 'Equipment request', active: true, caseflowNodes: 5, processKeys: ['equipment-request'] },
  { id: 'wf-2', name: 'Scratch', active: false, caseflowNodes: 1, processKeys: [] },
];

/** A workflow of launch → Assign Stage → Await Decision (approve → done), with one n8n node in between and a trigger it does not draw. */
const MAP: N8nProcessMap = {
  workflowId: 'wf-1',
  name: 'Equipment request',
  editorUrl: 'http://n8n.test/workflow/wf-1',
  flow: {
    steps: [
      { id: 'launch', kind: 'start', label: 'Launch' },
      { id: 'triage', kind: 'stage', stageKey: 'triage', label: 'Assign Triage' },
      { id: 'decide', kind: 'decision', title: 'Accept the request?', decisions: ['accept', 'reject'], label: 'Await Triage' },
      { id: 'done', kind: 'outcome', outcome: 'accepted', label: 'Complete' },
    ],
    links: [
      { from: 'launch', to: 'triage' },
      { from: 'triage', to: 'decide' },
      { from: 'decide', to: 'done', on: 'accept' },
    ],
  },
  nodes: [
    { name: 'Launch', type: 'n8n-nodes-caseflow.launchWorkflow', stepId: 'launch', note: 'Launch Workflow' },
    { name: 'Assign Triage', type: 'n8n-nodes-caseflow.assignStage', stepId: 'triage', note: 'Assign Stage' },
    { name: 'Set fields', type: 'n8n-nodes-base.set', stepId: null, note: 'not a Caseflow node: passed through' },
    { name: 'Await Triage', type: 'n8n-nodes-caseflow.awaitDecision', stepId: 'decide', note: 'Await Decision, decisions defined in the node' },
    { name: 'Complete', type: 'n8n-nodes-caseflow.caseflow', stepId: 'done', note: '' },
    { name: 'On task created', type: 'n8n-nodes-caseflow.caseflowTrigger', stepId: null, note: 'Caseflow Trigger; not the start (a flow has one), drawn as a pass-through' },
  ],
};

describe('N8nWorkflowsPage', () => {
  it('lists the workflows that use Caseflow nodes, each opening its process map', async () => {
    installFakeApi({ 'GET /auth/me': () => ({ body: designer }), 'GET /n8n/workflows': () => ({ body: WORKFLOWS }) });
    renderPage('/processes/n8n', ROUTES);
    const link = await screen.findByRole('link', { name: 'Equipment request' });
    expect(link).toHaveAttribute('href', '/processes/n8n/wf-1');
    const row = link.closest('tr')!;
    expect(within(row).getByText('active')).toBeInTheDocument();
    expect(within(row).getByText('5')).toBeInTheDocument();
    expect(within(row).getByRole('link', { name: 'equipment-request' })).toHaveAttribute('href', '/processes/equipment-request');
    expect(within(screen.getByRole('link', { name: 'Scratch' }).closest('tr')!).getByText('inactive')).toBeInTheDocument();
  });

  it('says n8n is not connected when the backend has no n8n (503), with its reason', async () => {
    installFakeApi({
      'GET /auth/me': () => ({ body: designer }),
      'GET /n8n/workflows': () => ({ status: 503, body: { statusCode: 503, message: 'n8n is not configured: set N8N_URL and N8N_API_KEY.' } }),
    });
    renderPage('/processes/n8n', ROUTES);
    expect(await screen.findByText('n8n is not connected')).toBeInTheDocument();
    expect(screen.getByText('n8n is not configured: set N8N_URL and N8N_API_KEY.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('says so when no workflow uses Caseflow nodes', async () => {
    installFakeApi({ 'GET /auth/me': () => ({ body: designer }), 'GET /n8n/workflows': () => ({ body: [] }) });
    renderPage('/processes/n8n', ROUTES);
    expect(await screen.findByText('No workflow uses Caseflow nodes')).toBeInTheDocument();
  });
});

describe('N8nProcessMapPage', () => {
  it('draws the workflow as its process, read-only, with "Open in n8n"', async () => {
    const { calls } = installFakeApi({ 'GET /auth/me': () => ({ body: designer }), 'GET /n8n/workflows/wf-1/process-map': () => ({ body: MAP }) });
    renderPage('/processes/n8n/wf-1', ROUTES);
    expect(await screen.findByRole('heading', { name: 'Equipment request' })).toBeInTheDocument();
    const map = await screen.findByRole('figure', { name: 'Process map of Equipment request' });
    for (const text of ['Assign Triage', 'Await Triage', 'Stage 1']) expect(within(map).getByText(text)).toBeInTheDocument();
    expect(within(map).getByText('accept', { selector: '.react-flow__edge-text' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open in n8n' })).toHaveAttribute('href', 'http://n8n.test/workflow/wf-1');
    expect(map.querySelector('.flow-node-live')).toBeNull();
    expect(calls.filter((call) => call.method !== 'GET')).toEqual([]);
  });

  it('lists every Caseflow node with the step it became, or why it became none', async () => {
    installFakeApi({ 'GET /auth/me': () => ({ body: designer }), 'GET /n8n/workflows/wf-1/process-map': () => ({ body: MAP }) });
    renderPage('/processes/n8n/wf-1', ROUTES);
    const list = await screen.findByRole('complementary', { name: 'Caseflow nodes' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((item) => item.querySelector('strong')?.textContent)).toEqual(['Launch', 'Assign Triage', 'Await Triage', 'Complete', 'On task created']);
    expect(within(items[1]!).getByText('→ Stage triage')).toBeInTheDocument();
    expect(within(items[2]!).getByText('→ Decision: Accept the request?')).toBeInTheDocument();
    expect(within(items[4]!).getByText('No step')).toBeInTheDocument();
    expect(within(items[4]!).getByText(/not the start/)).toBeInTheDocument();
    expect(within(list).getByText('1 other n8n node is passed through.')).toBeInTheDocument();
  });

  it("shows the backend's reason when the workflow cannot be read", async () => {
    installFakeApi({
      'GET /auth/me': () => ({ body: designer }),
      'GET /n8n/workflows/gone/process-map': () => ({ status: 404, body: { statusCode: 404, message: 'n8n has no workflow "gone".' } }),
    });
    renderPage('/processes/n8n/gone', ROUTES);
    expect(await screen.findByText('n8n has no workflow "gone".')).toBeInTheDocument();
    expect(screen.queryByRole('figure')).not.toBeInTheDocument();
  });
});
