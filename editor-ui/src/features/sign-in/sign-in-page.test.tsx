import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { installFakeApi } from '../../test/fake-api';
import { reviewer } from '../../test/fixtures';
import { renderPage } from '../../test/render';
import { RequireSession } from '../../session/require-session';
import { useSession } from '../../session/session';
import { SignInPage } from './sign-in-page';

afterEach(() => vi.unstubAllGlobals());

function setup(login: () => { status?: number; body?: unknown }) {
  let signedIn = false;
  const api = installFakeApi({
    'GET /auth/me': () => (signedIn ? { body: reviewer } : { status: 401, body: { statusCode: 401, message: 'Sign in' } }),
    'POST /auth/login': () => {
      const result = login();
      signedIn = (result.status ?? 200) === 200;
      return result;
    },
  });
  const view = renderPage('/inbox', [
    { path: '/sign-in', element: <SignInPage /> },
    {
      path: '/inbox',
      element: (
        <RequireSession>
          <p>inbox for {reviewer.name}</p>
        </RequireSession>
      ),
    },
  ]);
  return { ...api, ...view };
}

describe('SignInPage', () => {
  it('sends a signed-out visitor to sign in, then back where they were going', async () => {
    const { calls } = setup(() => ({ body: reviewer }));
    await userEvent.type(await screen.findByLabelText('Email'), 'rita@example.test');
    await userEvent.type(screen.getByLabelText('Password'), 'secret');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText(`inbox for ${reviewer.name}`)).toBeInTheDocument();
    expect(calls.find((c) => c.path === '/auth/login')?.body).toEqual({ email: 'rita@example.test', password: 'secret' });
  });

  it('says the email or password is wrong on a 401', async () => {
    setup(() => ({ status: 401, body: { statusCode: 401, message: 'Email or password is wrong.' } }));
    await userEvent.type(await screen.findByLabelText('Email'), 'rita@example.test');
    await userEvent.type(screen.getByLabelText('Password'), 'nope');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The email or password is wrong.');
  });

  it('after a sign-out, the next person lands on their own home page, not the previous page', async () => {
    let current: unknown = { ...reviewer, role: 'admin', permissions: ['admin', 'tasks:read'] };
    installFakeApi({
      'GET /auth/me': () => (current ? { body: current } : { status: 401, body: {} }),
      'POST /auth/logout': () => {
        current = null;
        return { status: 204 };
      },
      'POST /auth/login': () => {
        current = reviewer;
        return { body: reviewer };
      },
    });
    function SignOutButton() {
      const { signOut } = useSession();
      return (
        <button type="button" onClick={() => void signOut()}>
          Sign out
        </button>
      );
    }
    const guarded = (text: string) => (
      <RequireSession>
        <p>{text}</p>
        <SignOutButton />
      </RequireSession>
    );
    const { router } = renderPage('/admin', [
      { path: '/sign-in', element: <SignInPage /> },
      { path: '/admin', element: guarded('admin page') },
      { path: '/inbox', element: guarded('inbox page') },
    ]);
    await userEvent.click(await screen.findByRole('button', { name: 'Sign out' }));
    await userEvent.type(await screen.findByLabelText('Email'), 'rita@example.test');
    await userEvent.type(screen.getByLabelText('Password'), 'secret');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('inbox page')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/inbox');
  });
});
