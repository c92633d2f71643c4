import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { installFakeApi } from '../../test/fake-api';
import { reviewer } from '../../test/fixtures';
import { renderPage } from '../../test/render';
import { ApiKeysPanel } from './api-keys-panel';

afterEach(() => vi.unstubAllGlobals());

describe('ApiKeysPanel', () => {
  it('shows a new key once, and only until it is dismissed', async () => {
    const keys: Array<Record<string, unknown>> = [];
    const { calls } = installFakeApi({
      'GET /auth/me': () => ({ body: { ...reviewer, role: 'admin', permissions: ['admin'] } }),
      'GET /api-keys': () => ({ body: { items: keys, total: keys.length, limit: 50, offset: 0 } }),
      'POST /api-keys': (call) => {
        const key = { id: 'k1', name: (call.body as { name: string }).name, prefix: 'cf_abc123', scopes: ['automation'], createdAt: '2026-11-02T09:00:00Z' };
        keys.push(key);
        return { status: 201, body: { ...key, key: 'cf_abc123_s3cret' } };
      },
    });
    renderPage('/admin/api-keys', [{ path: '/admin/api-keys', element: <ApiKeysPanel /> }]);
    expect(await screen.findByText('No API keys yet')).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('Name'), 'n8n production');
    await userEvent.click(screen.getByRole('button', { name: 'Create key' }));
    expect(await screen.findByLabelText('New API key')).toHaveTextContent('cf_abc123_s3cret');
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ name: 'n8n production', scopes: ['automation'] });
    expect(await screen.findByRole('cell', { name: 'cf_abc123' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'I have copied it' }));
    expect(screen.queryByText('cf_abc123_s3cret')).not.toBeInTheDocument();
  });
});
