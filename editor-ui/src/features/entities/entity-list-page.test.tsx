import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Entity } from '../../api/types';
import { installFakeApi } from '../../test/fake-api';
import { reviewer } from '../../test/fixtures';
import { renderPage } from '../../test/render';
import { EntityListPage } from './entity-list-page';

afterEach(() => vi.unstubAllGlobals());

const student = (id: string, name: string, stalled?: boolean): Entity => ({
  id,
  type: 'student',
  externalId: `S-${id}`,
  name,
  email: null,
  managerEmail: null,
  attributes: {},
  ...(stalled === undefined ? {} : { stalled }),
});

describe('EntityListPage', () => {
  it('marks the records with a stalled open case, and only those', async () => {
    const items = [student('1', 'Ada Lovelace', true), student('2', 'Mary Somerville', false), student('3', 'Emmy Noether')];
    installFakeApi({
      'GET /auth/me': () => ({ body: reviewer }),
      'GET /entity-types': () => ({ body: [{ key: 'student', name: 'Students' }] }),
      'GET /entities': () => ({ body: { items, total: items.length, limit: 25, offset: 0 } }),
    });
    renderPage('/entities/student', [{ path: '/entities/:type', element: <EntityListPage /> }]);

    const ada = await screen.findByRole('row', { name: /Ada Lovelace/ });
    expect(within(ada).getByText('Stalled')).toHaveAttribute('title', 'An open case of this record is stalled');
    for (const name of [/Mary Somerville/, /Emmy Noether/]) expect(within(screen.getByRole('row', { name })).queryByText('Stalled')).not.toBeInTheDocument();
  });
});
