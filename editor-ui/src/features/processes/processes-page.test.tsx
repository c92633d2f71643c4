import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { installFakeApi } from '../../test/fake-api';
import { renderPage } from '../../test/render';
import ProcessesPage from './processes-page';
import { designer } from './test-support/designer';
import { aProcess } from './test-support/process-fixtures';

afterEach(() => vi.unstubAllGlobals());

const page = <T,>(items: T[]) => ({ body: { items, total: items.length, limit: 500, offset: 0 } });

describe('ProcessesPage', () => {
  it('lists every process with its published version and its draft', async () => {
    const onboardingDraft = aProcess({ key: 'onboarding', name: 'Employee onboarding', version: 1, status: 'draft', publishedAt: null });
    const { calls } = installFakeApi({
      'GET /auth/me': () => ({ body: designer }),
      'GET /processes': (call) =>
        call.query.get('status') === 'draft'
          ? page([aProcess({ version: 3, status: 'draft' }), onboardingDraft])
          : page([aProcess(), onboardingDraft]),
    });
    renderPage('/processes', [{ path: '/processes', element: <ProcessesPage /> }]);

    const invoices = (await screen.findByRole('link', { name: 'Invoice reminders' })).closest('tr')!;
    expect(within(invoices).getByRole('link', { name: 'Invoice reminders version 2' })).toHaveAttribute('href', '/processes/invoices/versions/2');
    expect(within(invoices).getByRole('link', { name: 'Invoice reminders draft version 3' })).toHaveAttribute('href', '/processes/invoices/versions/3');
    expect(within(invoices).getByRole('link', { name: 'All versions' })).toHaveAttribute('href', '/processes/invoices');

    const onboarding = screen.getByRole('link', { name: 'Employee onboarding' }).closest('tr')!;
    expect(within(onboarding).getByText('Not yet')).toBeInTheDocument();
    expect(within(onboarding).getByRole('link', { name: 'Employee onboarding draft version 1' })).toBeInTheDocument();
    expect(calls.filter((call) => call.path === '/processes').map((call) => call.query.get('limit'))).toEqual(['500', '500']);
  });

  it('says there are no processes yet and where they come from', async () => {
    installFakeApi({ 'GET /auth/me': () => ({ body: designer }), 'GET /processes': () => page([]) });
    renderPage('/processes', [{ path: '/processes', element: <ProcessesPage /> }]);
    expect(await screen.findByText('No processes yet')).toBeInTheDocument();
  });

  it('offers to try again when the list cannot be loaded', async () => {
    installFakeApi({ 'GET /auth/me': () => ({ body: designer }), 'GET /processes': () => ({ status: 500, body: { statusCode: 500 } }) });
    renderPage('/processes', [{ path: '/processes', element: <ProcessesPage /> }]);
    expect(await screen.findByText('This could not be loaded')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});
