import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Me } from '../../api/types';
import { installFakeApi } from '../../test/fake-api';
import { renderPage } from '../../test/render';
import AdminPage from './admin-page';
import { AdminIndexRedirect } from './admin-sections';

afterEach(() => vi.unstubAllGlobals());

const designer: Me = {
  type: 'user',
  id: 'user-designer',
  name: 'Dana Designer',
  role: 'designer',
  permissions: ['processes:read', 'processes:write', 'messages:read', 'messages:write', 'entities:read', 'instances:read', 'tasks:read', 'reports:read'],
};

function open(path: string) {
  installFakeApi({
    'GET /auth/me': () => ({ body: designer }),
    'GET /message-templates': () => ({ body: { items: [], total: 0, limit: 50, offset: 0 } }),
  });
  return renderPage(path, [
    { path: '/admin', element: <AdminIndexRedirect /> },
    { path: '/admin/:section', element: <AdminPage /> },
  ]);
}

describe('AdminPage for a designer', () => {
  it('opens on the message templates, the only section a designer may use', async () => {
    const { router } = open('/admin');
    expect(await screen.findByText('No message templates yet')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/admin/message-templates');
    const tabs = screen.getByRole('navigation', { name: 'Admin sections' });
    expect(within(tabs).getAllByRole('link').map((a) => a.textContent)).toEqual(['Messages']);
  });

  it('keeps the admins-only sections closed', async () => {
    open('/admin/users');
    expect(await screen.findByText('Not available for your role')).toBeInTheDocument();
  });
});
