import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { installFakeApi } from '../../../../test/fake-api';
import { stepById } from '../model/design-definition';
import { DesignerStoreProvider } from '../store/designer-store-context';
import type { DesignerStoreApi } from '../store/designer-store';
import { aDesignerStore } from '../test-support';
import { Checklist } from './checklist';
import { DesignerProperties } from './properties-panel';

afterEach(() => vi.unstubAllGlobals());

const page = <T,>(items: T[]) => ({ body: { items, total: items.length, limit: 500, offset: 0 } });

function renderPanel(store: DesignerStoreApi, onJump = vi.fn()) {
  installFakeApi({
    'GET /queues': () => page([{ id: 'q1', key: 'reviewers', name: 'Reviewers' }]),
    'GET /calendars': () => page([]),
    'GET /message-templates': () => page([]),
  });
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <DesignerStoreProvider store={store}>
        <DesignerProperties />
        <Checklist onJump={onJump} />
      </DesignerStoreProvider>
    </QueryClientProvider>,
  );
  return { properties: screen.getByRole('region', { name: 'Properties' }), checklist: screen.getByRole('region', { name: 'Checklist' }), onJump };
}

describe('DesignerProperties', () => {
  it('edits a stage step and its stage through fields generated from the stage schema, one undo step per field', async () => {
    const store = aDesignerStore();
    const id = store.getState().addStep('stage', { x: 0, y: 0 });
    const { properties } = renderPanel(store);
    const user = userEvent.setup();

    await user.type(within(properties).getByLabelText('Label'), 'Triage');
    await user.clear(within(properties).getByLabelText('Stage key'));
    await user.type(within(properties).getByLabelText('Stage key'), 'triage');
    await within(properties).findByRole('option', { name: 'Reviewers' });
    await user.selectOptions(within(properties).getByLabelText('Owner queue'), 'Reviewers');
    await user.type(within(properties).getByLabelText('SLA (minutes)'), '480');

    expect(stepById(store.getState().definition, id)).toMatchObject({ label: 'Triage', stageKey: 'triage' });
    expect(store.getState().definition.stages).toEqual([{ key: 'triage', name: 'Stage 1', ownerQueue: 'reviewers', slaMinutes: 480 }]);
    // add, label, key (cleared and typed in one focus), queue, SLA
    expect(store.getState().history.getState().past).toHaveLength(5);
    for (const label of ['Stage name', 'Stall after (minutes)', 'Calendar', 'Next step']) expect(within(properties).getByLabelText(label)).toBeInTheDocument();
  });

  it('links a decision path per decision from its select, and shows the check problems by its fields', async () => {
    const store = aDesignerStore();
    const done = store.getState().addStep('outcome', { x: 0, y: 0 });
    store.getState().updateStep(done, { label: 'Outcome: done' });
    const decide = store.getState().addStep('decision', { x: 0, y: 0 });
    const index = store.getState().definition.flow.steps.length - 1;
    store.getState().setProblems([
      { code: 'invalid', severity: 'error', message: 'title must be shorter', stepId: decide, field: `flow.steps[${index}].title` },
      { code: 'decision-without-path', severity: 'error', message: 'Decision "Accept" has no path.', stepId: decide },
    ]);
    const { properties } = renderPanel(store);
    const user = userEvent.setup();

    await user.click(within(properties).getByRole('button', { name: 'Add decision' }));
    await user.clear(within(properties).getByLabelText('Decision key'));
    await user.type(within(properties).getByLabelText('Decision key'), 'accept');
    await user.clear(within(properties).getByLabelText('Decision label'));
    await user.type(within(properties).getByLabelText('Decision label'), 'Accept');
    await user.selectOptions(within(properties).getByLabelText('Path for Accept'), 'Outcome: done');

    expect(store.getState().definition.flow.links).toEqual([{ from: decide, to: done, on: 'accept' }]);
    expect(within(properties).getByLabelText('Title')).toHaveAttribute('aria-invalid', 'true');
    expect(within(properties).getByText('title must be shorter')).toBeInTheDocument();
    expect(within(properties).getByText('Decision "Accept" has no path.')).toBeInTheDocument();
    expect(within(properties).queryByLabelText('Path for Timed out')).not.toBeInTheDocument();
    await user.type(within(properties).getByLabelText('Due in (minutes)'), '60');
    expect(within(properties).getByLabelText('Path for Timed out')).toBeInTheDocument();
  });
});

describe('Checklist', () => {
  it('says so when there are no problems', () => {
    const store = aDesignerStore();
    store.getState().setProblems([]);
    const { checklist } = renderPanel(store);
    expect(within(checklist).getByText('No problems found')).toBeInTheDocument();
  });

  it('lists each problem as a button that jumps to its step, errors first', async () => {
    const store = aDesignerStore();
    store.getState().setProblems([
      { code: 'unreachable', severity: 'warning', message: 'Stage "Old" is entered by no stage step of the flow.' },
      { code: 'dead-end', severity: 'error', message: '"Start" leads nowhere.', stepId: 'start' },
    ]);
    const { checklist, onJump } = renderPanel(store);
    const buttons = within(checklist).getAllByRole('button');
    expect(buttons.map((button) => button.textContent)).toEqual(['"Start" leads nowhere.', 'Stage "Old" is entered by no stage step of the flow.']);
    await userEvent.click(buttons[0]!);
    expect(onJump).toHaveBeenCalledWith('start');
    expect(buttons[1]).toBeDisabled();
  });
});
