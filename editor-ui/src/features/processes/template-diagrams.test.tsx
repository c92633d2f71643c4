import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProcessGraph } from './diagram/process-graph';
import { TemplateDiagrams } from './template-diagrams';
import { aFlowProcess } from './test-support/flow-fixtures';
import { aProcess } from './test-support/process-fixtures';
import { stubReactFlowBrowserApis } from './test-support/react-flow-jsdom';

vi.mock('./diagram/layout-graph', () => ({
  layoutGraph: async (graph: ProcessGraph) => ({ ...graph, nodes: graph.nodes.map((node, index) => ({ ...node, position: { x: index * 300, y: 0 } })) }),
}));

beforeEach(() => stubReactFlowBrowserApis());
afterEach(() => vi.unstubAllGlobals());

describe('TemplateDiagrams', () => {
  it('draws a template process on request, from the definition the gallery sent', async () => {
    const { key, name, stages, decisions } = aProcess();
    render(<TemplateDiagrams processes={[{ key, name, stages, decisions }]} />);
    expect(screen.queryByRole('figure')).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Show diagram' }));
    const diagram = await screen.findByRole('figure', { name: 'Diagram of Invoice reminders' });
    expect(diagram).toHaveTextContent('Finance escalation');
    expect(diagram).toHaveTextContent('Any record');
  });

  it("draws a template's designed flow when its process has one", async () => {
    const { key, name, stages, decisions, flow } = aFlowProcess();
    render(<TemplateDiagrams processes={[{ key, name, stages, decisions, flow }]} />);
    fireEvent.click(screen.getByRole('button', { name: 'Show diagram' }));
    const diagram = await screen.findByRole('figure', { name: 'Diagram of Invoice reminders' });
    expect(diagram).toHaveTextContent('Was it paid?');
    expect(diagram).not.toHaveTextContent('Awaiting payment');
  });

  it('shows nothing while the gallery sends no stages (GET /templates does not include the definitions yet)', () => {
    const { container } = render(<TemplateDiagrams processes={undefined} />);
    expect(container).toBeEmptyDOMElement();
    const { container: keysOnly } = render(<TemplateDiagrams processes={[{ key: 'invoices' }]} />);
    expect(keysOnly).toBeEmptyDOMElement();
  });
});
