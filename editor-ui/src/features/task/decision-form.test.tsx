import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { installFakeApi } from '../../test/fake-api';
import { aTaskDetail } from '../../test/fixtures';
import { DecisionForm } from './decision-form';

afterEach(() => vi.unstubAllGlobals());

function renderForm(onDecided = vi.fn(), onConflict = vi.fn()) {
  const client = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <DecisionForm task={aTaskDetail()} onDecided={onDecided} onConflict={onConflict} />
    </QueryClientProvider>,
  );
  return { onDecided, onConflict };
}

describe('DecisionForm', () => {
  it('shows the decisions as buttons', () => {
    installFakeApi({});
    renderForm();
    expect(screen.getByRole('button', { name: 'Approve' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Reject' })).toBeInTheDocument();
  });

  it('refuses to reject without a comment and sends nothing', async () => {
    const { calls } = installFakeApi({});
    renderForm();
    await userEvent.click(screen.getByRole('button', { name: 'Reject' }));
    expect(await screen.findByText('A comment is required to reject.')).toBeInTheDocument();
    expect(screen.getByLabelText(/Comment/)).toHaveAttribute('aria-invalid', 'true');
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it('sends the decision with the comment', async () => {
    const { calls } = installFakeApi({ 'POST /tasks/:id/decide': () => ({ body: { ...aTaskDetail(), status: 'decided' } }) });
    const { onDecided } = renderForm();
    await userEvent.type(screen.getByLabelText(/Comment/), 'Not eligible this term');
    await userEvent.click(screen.getByRole('button', { name: 'Reject' }));
    await waitFor(() => expect(onDecided).toHaveBeenCalled());
    expect(calls.find((c) => c.method === 'POST')).toMatchObject({
      path: '/tasks/task-1/decide',
      body: { decision: 'reject', comment: 'Not eligible this term', fields: {} },
    });
  });

  it('hands a 409 (decided meanwhile) to the page instead of showing an error', async () => {
    installFakeApi({ 'POST /tasks/:id/decide': () => ({ status: 409, body: { statusCode: 409, message: 'The task was already decided.' } }) });
    const { onConflict, onDecided } = renderForm();
    await userEvent.click(screen.getByRole('button', { name: 'Approve' }));
    await waitFor(() => expect(onConflict).toHaveBeenCalledWith('The task was already decided.'));
    expect(onDecided).not.toHaveBeenCalled();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows other API errors in words', async () => {
    installFakeApi({
      'POST /tasks/:id/decide': () => ({ status: 400, body: { statusCode: 400, message: 'x', details: [{ field: 'comment', messages: ['is too long'] }] } }),
    });
    renderForm();
    await userEvent.click(screen.getByRole('button', { name: 'Approve' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Comment: is too long');
  });
});
