import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Instance, Process } from '../../api/types';
import { installFakeApi } from '../../test/fake-api';
import { reviewer } from '../../test/fixtures';
import { renderPage } from '../../test/render';
import { IntakeSection } from './intake-section';

afterEach(() => vi.unstubAllGlobals());

const CASE: Instance = {
  id: 'case-1',
  processKey: 'referral',
  processVersion: 3,
  status: 'active',
  currentStage: null,
  outcome: null,
  data: { reason: 'Deadlines', letter: { documentId: 'doc-1', name: 'letter.pdf' }, score: 7 },
  entity: null,
  createdAt: '2026-11-02T09:00:00.000Z',
  updatedAt: '2026-11-02T09:00:00.000Z',
  closedAt: null,
};

function show(intake: Process['intake'] | 'refused') {
  const api = installFakeApi({
    'GET /auth/me': () => ({ body: reviewer }),
    'GET /instances/:id/documents': () => ({ body: { items: [] } }),
    'GET /processes/referral/versions/3': () => (intake === 'refused' ? { status: 403, body: { statusCode: 403 } } : { body: { key: 'referral', version: 3, status: 'published', intake } }),
  });
  renderPage('/instances/case-1', [{ path: '/instances/:instanceId', element: <IntakeSection instance={CASE} /> }]);
  return api;
}

describe('IntakeSection', () => {
  it('shows the intake under the version’s labels, the file as a link, and the rest behind "Raw data"', async () => {
    const { calls } = show([
      { path: 'data.reason', label: 'Why the referral', type: 'text', required: true },
      { path: 'data.letter', label: 'Referral letter', type: 'file', required: true },
    ]);
    const section = await screen.findByRole('region', { name: 'Intake' });
    expect(await within(section).findByText('Why the referral')).toBeInTheDocument();
    expect(within(section).getByText('Deadlines')).toBeInTheDocument();
    expect(within(section).getByRole('link', { name: 'letter.pdf' })).toHaveAttribute('href', '/api/v1/documents/doc-1/content');
    const raw = within(section).getByText('Raw data').closest('details')!;
    expect(raw).toHaveTextContent('Score');
    expect(raw).not.toHaveTextContent('Deadlines');
    expect(calls.some((call) => call.path === '/processes/referral/versions/3')).toBe(true);
  });

  it('falls back to the data as it is when the process has no intake or cannot be read', async () => {
    show('refused');
    const section = await screen.findByRole('region', { name: 'Data' });
    expect(await within(section).findByText('Score')).toBeInTheDocument();
    expect(within(section).getByText('Reason')).toBeInTheDocument();
  });
});
