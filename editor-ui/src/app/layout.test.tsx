import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { installFakeApi } from '../test/fake-api';
import { reviewer } from '../test/fixtures';
import { renderPage } from '../test/render';
import { Layout } from './layout';

afterEach(() => vi.unstubAllGlobals());

describe('Layout', () => {
  it('offers every signed-in user their own settings next to their name, outside the main navigation', async () => {
    installFakeApi({ 'GET /auth/me': () => ({ body: { ...reviewer, permissions: ['tasks:read'] } }), 'GET /entity-types': () => ({ body: [] }) });
    const { router } = renderPage('/inbox', [
      { path: '/inbox', element: <Layout /> },
      { path: '/settings', element: <p>settings page</p> },
    ]);
    await screen.findByText(reviewer.name);
    expect(within(screen.getByRole('navigation', { name: 'Main' })).queryByRole('link', { name: 'My settings' })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('link', { name: 'My settings' }));
    expect(router.state.location.pathname).toBe('/settings');
  });
});
