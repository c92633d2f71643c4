import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installFakeApi, type RecordedCall } from '../../../test/fake-api';
import { renderPage } from '../../../test/render';
import type { Process } from '../../../api/types';
import type { ProcessGraph, ProcessNode } from '../diagram/process-graph';
import { designer } from '../test-support/designer';
import { aFlowProcess } from '../test-support/flow-fixtures';
import { aProcess } from '../test-support/process-fixtures';
import { stubReactFlowBrowserApis } from '../test-support/react-flow-jsdom';
import { aLiveMap, anOpenCase } from './live-map-fixtures';
import { LIVE_MAP_REFRESH_MS } from './live-map-queries';
import LiveMapPage from './live-map-page';

// elk's own test is layout-graph.test.ts; a counted row of nodes shows whether the map was laid out again.
const layoutGraph = vi.hoisted(() =>
  vi.fn(async (graph: ProcessGraph) => ({ ...graph, nodes: graph.nodes.map((node, index) => ({ ...node, position: { x: index * 300, y: 0 } }) as ProcessNode) })),
);
vi.mock('../diagram/layout-graph', () => ({ layoutGraph }));

const DAY_MS = 86_400_000;
const ROUTES = [
  { path: '/processes/:key/live', element: <LiveMapPage /> },
  { path: '/instances/:id', element: <p>Case page</p> },
];

beforeEach(() => {
  stubReactFlowBrowserApis();
  layoutGraph.mockClear();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const liveMapCalls = (calls: RecordedCall[]) => calls.filter((call) => call.path === '/processes/invoices/live-map');
const periodDays = (call: RecordedCall) => (Date.now() - Date.parse(call.query.get('from')!)) / DAY_MS;
const nodeOf = (id: string) => document.querySelector<HTMLElement>(`.react-flow__node[data-id="${id}"]`)!;

function serve(process: Process = aFlowProcess(), liveMap = () => aLiveMap()) {
  return installFakeApi({
    'GET /auth/me': () => ({ body: designer }),
    'GET /processes/invoices': () => ({ body: process }),
    'GET /processes/invoices/live-map': () => ({ body: liveMap() }),
    'GET /instances': () => ({ body: { items: [anOpenCase()], total: 1, limit: 50, offset: 0 } }),
  });
}

describe('LiveMapPage', () => {
  it('draws the published flow with each stage’s cases, each decision path’s share, the breaches and the totals', async () => {
    const { calls } = serve();
    renderPage('/processes/invoices/live', ROUTES);
    expect(await screen.findByRole('heading', { name: 'Live map: Invoice reminders' })).toBeInTheDocument();
    const map = await screen.findByRole('figure', { name: 'Live map of Invoice reminders' });

    const finance = nodeOf('chase');
    for (const text of ['4 open', '1 overdue', '2 stalled', '1 past SLA', 'median 1 h 30 min · p90 10 h']) expect(within(finance).getByText(text)).toBeInTheDocument();
    expect(finance.querySelector('.flow-node')).toHaveClass('is-breached');
    // The decision step counts in finance, which its stage node already shows.
    expect(within(nodeOf('decide')).queryByText(/open$/)).not.toBeInTheDocument();
    expect(within(map).getByText('Payment received · 75% (3)')).toBeInTheDocument();
    expect(within(map).getByText('Write off · 25% (1)')).toBeInTheDocument();
    expect(within(map).getByText('Timed out · 0% (0)')).toBeInTheDocument();

    expect(screen.getByText('10 open · 3 completed · 1 cancelled')).toBeInTheDocument();
    expect(screen.getByText(/^Last updated /)).toBeInTheDocument();
    expect(screen.getByLabelText('Period')).toHaveValue('30');
    const [first] = liveMapCalls(calls);
    expect(periodDays(first!)).toBeCloseTo(30, 2);
    expect(first!.query.has('to')).toBe(false);
    expect(calls.filter((call) => call.method !== 'GET')).toEqual([]);
  });

  it('asks again for the chosen period and redraws its figures on the same layout', async () => {
    let figures = aLiveMap();
    const { calls } = serve(aFlowProcess(), () => figures);
    renderPage('/processes/invoices/live', ROUTES);
    await screen.findByText('Payment received · 75% (3)');
    const placed = nodeOf('chase').style.transform;

    figures = aLiveMap({ decisions: [{ stageKey: 'finance', decision: 'paid', count: 1, share: 1 }] });
    fireEvent.change(screen.getByLabelText('Period'), { target: { value: '7' } });
    expect(await screen.findByText('Payment received · 100% (1)')).toBeInTheDocument();
    expect(periodDays(liveMapCalls(calls).at(-1)!)).toBeCloseTo(7, 2);
    expect(layoutGraph).toHaveBeenCalledTimes(1);
    expect(nodeOf('chase').style.transform).toBe(placed);
  });

  it('refreshes the figures every 15 s without laying the map out again', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let open = 4;
    const { calls } = serve(aFlowProcess(), () => aLiveMap({ stages: [{ ...aLiveMap().stages[0]!, open }] }));
    renderPage('/processes/invoices/live', ROUTES);
    await screen.findByText('4 open');
    const placed = nodeOf('chase').style.transform;

    open = 5;
    await act(() => vi.advanceTimersByTimeAsync(LIVE_MAP_REFRESH_MS));
    await waitFor(() => expect(within(nodeOf('chase')).getByText('5 open')).toBeInTheDocument());
    expect(liveMapCalls(calls)).toHaveLength(2);
    expect(layoutGraph).toHaveBeenCalledTimes(1);
    expect(nodeOf('chase').style.transform).toBe(placed);
  });

  it('lists the open cases of a clicked stage, each linking to its case page', async () => {
    const { calls } = serve();
    renderPage('/processes/invoices/live', ROUTES);
    await screen.findByText('4 open');

    fireEvent.click(within(nodeOf('chase')).getByText('Finance escalation'));
    const panel = await screen.findByRole('region', { name: 'Cases in Finance escalation' });
    const link = await within(panel).findByRole('link', { name: 'Invoice INV-7 for Acme' });
    expect(link).toHaveAttribute('href', '/instances/instance-7');
    const query = calls.find((call) => call.path === '/instances')!.query;
    expect(Object.fromEntries(query)).toMatchObject({ processKey: 'invoices', stageKey: 'finance', open: 'true' });
    expect(nodeOf('chase').querySelector('.flow-node')).toHaveClass('is-selected');

    fireEvent.click(within(panel).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('region', { name: 'Cases in Finance escalation' })).not.toBeInTheDocument();
  });

  it('opens a stage from the keyboard too: Enter on its focused node', async () => {
    serve();
    renderPage('/processes/invoices/live', ROUTES);
    await screen.findByText('4 open');
    fireEvent.keyDown(nodeOf('chase'), { key: 'Enter' });
    expect(await screen.findByRole('region', { name: 'Cases in Finance escalation' })).toBeInTheDocument();
  });

  it('opens no panel for a step that stands for no stage', async () => {
    const { calls } = serve();
    renderPage('/processes/invoices/live', ROUTES);
    await screen.findByText('4 open');
    fireEvent.click(within(nodeOf('wait')).getByText('3 days after data.dueDate'));
    expect(screen.queryByRole('region', { name: /^Cases in/ })).not.toBeInTheDocument();
    expect(calls.some((call) => call.path === '/instances')).toBe(false);
  });

  it.each([
    ['has no open case', { body: { items: [], total: 0, limit: 50, offset: 0 } }, 'No open cases'],
    ['cannot list its cases', { status: 403, body: { statusCode: 403, message: 'Missing permission instances:read' } }, 'Missing permission instances:read'],
  ])('says so when the stage %s', async (_case, answer, shown) => {
    installFakeApi({
      'GET /auth/me': () => ({ body: designer }),
      'GET /processes/invoices': () => ({ body: aFlowProcess() }),
      'GET /processes/invoices/live-map': () => ({ body: aLiveMap() }),
      'GET /instances': () => answer,
    });
    renderPage('/processes/invoices/live', ROUTES);
    await screen.findByText('4 open');
    fireEvent.click(within(nodeOf('chase')).getByText('Finance escalation'));
    const panel = await screen.findByRole('region', { name: 'Cases in Finance escalation' });
    expect(await within(panel).findByText(shown)).toBeInTheDocument();
    expect(within(panel).queryByRole('link')).not.toBeInTheDocument();
  });

  it('draws a version without a flow as its stage list, with the figures on its stages', async () => {
    serve(aProcess());
    renderPage('/processes/invoices/live', ROUTES);
    await screen.findByRole('figure', { name: 'Live map of Invoice reminders' });
    await waitFor(() => expect(within(nodeOf('stage:open')).getByText('6 open')).toBeInTheDocument());
    expect(within(nodeOf('stage:finance')).getByText('4 open')).toBeInTheDocument();
    expect(screen.getByText('Payment received · 75% (3)')).toBeInTheDocument();
  });

  it('draws nothing but says so while the process has no published version', async () => {
    const { calls } = serve(aProcess({ status: 'draft', publishedAt: null }));
    renderPage('/processes/invoices/live', ROUTES);
    expect(await screen.findByText('Not published yet')).toBeInTheDocument();
    expect(liveMapCalls(calls)).toEqual([]);
  });

  it('shows why the figures could not be counted, and a way to try again', async () => {
    installFakeApi({
      'GET /auth/me': () => ({ body: designer }),
      'GET /processes/invoices': () => ({ body: aFlowProcess() }),
      'GET /processes/invoices/live-map': () => ({ status: 400, body: { statusCode: 400, message: 'from: must be a valid ISO 8601 date' } }),
    });
    renderPage('/processes/invoices/live', ROUTES);
    expect(await screen.findByText('from: must be a valid ISO 8601 date')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    expect(screen.queryByRole('figure')).not.toBeInTheDocument();
  });
});
