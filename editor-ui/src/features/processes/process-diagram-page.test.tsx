import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installFakeApi } from '../../test/fake-api';
import { renderPage } from '../../test/render';
import type { ProcessGraph } from './diagram/process-graph';
import ProcessDiagramPage from './process-diagram-page';
import { designer } from './test-support/designer';
import { aFlowProcess } from './test-support/flow-fixtures';
import { aProcess } from './test-support/process-fixtures';
import { stubReactFlowBrowserApis } from './test-support/react-flow-jsdom';

// elk's own test is layout-graph.test.ts; here a row of nodes is enough, and much faster in jsdom.
vi.mock('./diagram/layout-graph', () => ({
  layoutGraph: async (graph: ProcessGraph) => ({ ...graph, nodes: graph.nodes.map((node, index) => ({ ...node, position: { x: index * 300, y: 0 } })) }),
}));

beforeEach(() => stubReactFlowBrowserApis());
afterEach(() => vi.unstubAllGlobals());

const ROUTES = [{ path: '/processes/:key/versions/:version', element: <ProcessDiagramPage /> }];

describe('ProcessDiagramPage', () => {
  it('draws the version: the start with its intake, every stage with its facts, and the decisions leaving the last stage', async () => {
    const { calls } = installFakeApi({
      'GET /auth/me': () => ({ body: designer }),
      'GET /processes/invoices/versions/2': () => ({ body: aProcess() }),
    });
    renderPage('/processes/invoices/versions/2', ROUTES);
    const diagram = await screen.findByRole('figure', { name: 'Diagram of Invoice reminders' });
    for (const name of ['Awaiting payment', 'Overdue', 'Finance escalation']) expect(within(diagram).getByText(name)).toBeInTheDocument();
    expect(within(diagram).getByText('Stage 3')).toBeInTheDocument();
    expect(within(diagram).getByText('Queue: accounts-receivable')).toBeInTheDocument();
    expect(within(diagram).getByText('SLA: 1 d 16 h')).toBeInTheDocument();
    expect(within(diagram).getByText('Stalls after: 3 d')).toBeInTheDocument();
    expect(within(diagram).getByText('+1 h · escalate → finance-managers')).toBeInTheDocument();
    expect(within(diagram).getByText('Accounts email')).toBeInTheDocument();
    expect(within(diagram).getByText('Payment received')).toBeInTheDocument();
    expect(within(diagram).getByText('Write off (comment)')).toBeInTheDocument();
    expect(calls.filter((call) => call.method !== 'GET')).toEqual([]);
  });

  it('shows the selected stage or decision in the properties panel, and the process again when the selection is cleared', async () => {
    installFakeApi({
      'GET /auth/me': () => ({ body: designer }),
      'GET /processes/invoices/versions/2': () => ({ body: aProcess() }),
    });
    renderPage('/processes/invoices/versions/2', ROUTES);
    const diagram = await screen.findByRole('figure', { name: 'Diagram of Invoice reminders' });
    const panel = screen.getByRole('complementary', { name: 'Properties' });
    expect(within(panel).getByRole('heading', { name: 'Invoice reminders' })).toBeInTheDocument();

    // A plain click: d3-zoom's mousedown handler needs a window on the event, which jsdom's user-event lacks.
    fireEvent.click(within(diagram).getByText('Finance escalation'));
    expect(within(panel).getByRole('heading', { name: 'Stage 3: Finance escalation' })).toBeInTheDocument();
    expect(within(panel).getByText('finance-office')).toBeInTheDocument();
    expect(within(panel).getByText(/75% · notify · message "finance-reminder"/)).toBeInTheDocument();

    fireEvent.click(within(diagram).getByText('Write off (comment)'));
    expect(within(panel).getByRole('heading', { name: 'Decision: Write off' })).toBeInTheDocument();
    expect(within(panel).getByText('required')).toBeInTheDocument();

    fireEvent.click(diagram.querySelector('.react-flow__pane')!);
    expect(within(panel).getByRole('heading', { name: 'Invoice reminders' })).toBeInTheDocument();
  });

  it('draws the designed flow when the version has one: every step, and each decision path labelled', async () => {
    installFakeApi({
      'GET /auth/me': () => ({ body: designer }),
      'GET /processes/invoices/versions/2': () => ({ body: aFlowProcess() }),
    });
    renderPage('/processes/invoices/versions/2', ROUTES);
    const diagram = await screen.findByRole('figure', { name: 'Diagram of Invoice reminders' });
    expect(within(diagram).getByText('3 days after data.dueDate')).toBeInTheDocument();
    expect(within(diagram).getByText('To: the record, the record\'s manager, ar@example.com')).toBeInTheDocument();
    expect(within(diagram).getByText('Finance escalation')).toBeInTheDocument();
    expect(within(diagram).getByText('Was it paid?')).toBeInTheDocument();
    expect(within(diagram).getByText('To queue finance-managers')).toBeInTheDocument();
    expect(within(diagram).getByText('Cancelled')).toBeInTheDocument();
    expect(within(diagram).getByText('Timed out', { selector: '.react-flow__edge-text' })).toBeInTheDocument();
    // The stage list's drawing is not there: no stage without a step, no end circles.
    expect(within(diagram).queryByText('Awaiting payment')).not.toBeInTheDocument();
    expect(diagram.querySelector('.flow-node-end')).toBeNull();
  });

  it("shows a selected flow step's fields in the properties panel", async () => {
    installFakeApi({
      'GET /auth/me': () => ({ body: designer }),
      'GET /processes/invoices/versions/2': () => ({ body: aFlowProcess() }),
    });
    renderPage('/processes/invoices/versions/2', ROUTES);
    const diagram = await screen.findByRole('figure', { name: 'Diagram of Invoice reminders' });
    const panel = screen.getByRole('complementary', { name: 'Properties' });
    expect(within(panel).getByText('8 steps')).toBeInTheDocument();

    fireEvent.click(within(diagram).getByText('Was it paid?'));
    expect(within(panel).getByRole('heading', { name: 'Decision: Was it paid?' })).toBeInTheDocument();
    expect(within(panel).getByText("finance (the stage's)")).toBeInTheDocument();
    expect(within(panel).getByText('Payment received, Write off, Timed out')).toBeInTheDocument();

    fireEvent.click(within(diagram).getByText('To queue finance-managers'));
    expect(within(panel).getByRole('heading', { name: 'Escalate: To queue finance-managers' })).toBeInTheDocument();
    expect(within(panel).getByText('4 (urgent)')).toBeInTheDocument();

    fireEvent.click(within(diagram).getByText('Timed out', { selector: '.react-flow__edge-text' }));
    expect(within(panel).getByRole('heading', { name: 'Timed out' })).toBeInTheDocument();
  });

  it('says so when the version does not exist', async () => {
    installFakeApi({
      'GET /auth/me': () => ({ body: designer }),
      'GET /processes/invoices/versions/9': () => ({ status: 404, body: { statusCode: 404, message: 'Process "invoices" has no version 9.' } }),
    });
    renderPage('/processes/invoices/versions/9', ROUTES);
    expect(await screen.findByText('Process "invoices" has no version 9.')).toBeInTheDocument();
    expect(screen.getByText('Not found')).toBeInTheDocument();
  });

  it('refuses a version that is not a number without asking the backend', async () => {
    const { calls } = installFakeApi({ 'GET /auth/me': () => ({ body: designer }) });
    renderPage('/processes/invoices/versions/latest', ROUTES);
    expect(await screen.findByText('No such version')).toBeInTheDocument();
    expect(calls.some((call) => call.path.startsWith('/processes'))).toBe(false);
  });
});
