import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { installFakeApi } from '../../../../test/fake-api';
import { DesignerStoreProvider } from '../store/designer-store-context';
import type { DesignerStoreApi } from '../store/designer-store';
import { aDesignerStore } from '../test-support';
import { DesignerProperties } from './properties-panel';

afterEach(() => vi.unstubAllGlobals());

const page = <T,>(items: T[]) => ({ body: { items, total: items.length, limit: 500, offset: 0 } });

function renderPanel(store: DesignerStoreApi) {
  installFakeApi({ 'GET /queues': () => page([]), 'GET /calendars': () => page([]), 'GET /message-templates': () => page([]) });
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <DesignerStoreProvider store={store}>
        <DesignerProperties />
      </DesignerStoreProvider>
    </QueryClientProvider>,
  );
  return within(screen.getByRole('group', { name: 'Reminders before due' }));
}

describe('RemindersEditor', () => {
  it('adds reminders from hours and minutes, shows them as "24 h" and "1 h", and removes one', async () => {
    const store = aDesignerStore();
    store.getState().addStep('stage', { x: 0, y: 0 });
    const editor = renderPanel(store);
    const user = userEvent.setup();
    expect(editor.getByText('No reminders.')).toBeInTheDocument();

    await user.type(editor.getByLabelText('Minutes before'), '60');
    await user.click(editor.getByRole('button', { name: 'Add reminder' }));
    await user.type(editor.getByLabelText('Hours before'), '24');
    await user.click(editor.getByRole('button', { name: 'Add reminder' }));

    expect(editor.getAllByRole('listitem').map((item) => item.firstChild?.textContent)).toEqual(['24 h before', '1 h before']);
    expect(editor.getByLabelText('Hours before')).toHaveValue(null);
    expect(store.getState().definition.stages[0]?.reminders).toEqual([{ beforeMinutes: 1440 }, { beforeMinutes: 60 }]);

    await user.click(editor.getByRole('button', { name: 'Remove the reminder 24 h before due' }));
    expect(store.getState().definition.stages[0]?.reminders).toEqual([{ beforeMinutes: 60 }]);
    // add step, two reminders added, one removed
    expect(store.getState().history.getState().past).toHaveLength(4);
  });

  it('says so, and changes nothing, for a reminder already listed or of no time at all', async () => {
    const store = aDesignerStore();
    const id = store.getState().addStep('stage', { x: 0, y: 0 });
    store.getState().addStageReminder(id, 60);
    const editor = renderPanel(store);
    const user = userEvent.setup();

    await user.type(editor.getByLabelText('Hours before'), '1');
    await user.click(editor.getByRole('button', { name: 'Add reminder' }));
    expect(editor.getByRole('alert')).toHaveTextContent('A reminder 1 h before is already listed.');
    await user.clear(editor.getByLabelText('Hours before'));
    await user.click(editor.getByRole('button', { name: 'Add reminder' }));
    expect(editor.getByRole('alert')).toHaveTextContent('more than none');
    expect(store.getState().history.getState().past).toHaveLength(2);
  });

  it("shows the check's problems about the stage's reminders in the editor", () => {
    const store = aDesignerStore();
    const id = store.getState().addStep('stage', { x: 0, y: 0 });
    store.getState().setProblems([
      { code: 'invalid', severity: 'error', message: 'a reminder 60 minutes before is already listed', stepId: id, field: 'stages[0].reminders[1].beforeMinutes' },
    ]);
    const editor = renderPanel(store);
    expect(editor.getByText('a reminder 60 minutes before is already listed')).toBeInTheDocument();
    expect(screen.getAllByText('a reminder 60 minutes before is already listed')).toHaveLength(1);
  });
});
