import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Entity } from '../../api/types';
import { installFakeApi } from '../../test/fake-api';
import { reviewer } from '../../test/fixtures';
import { renderPage } from '../../test/render';
import { RelatedRecordsSection } from './related-records-section';

afterEach(() => vi.unstubAllGlobals());

const record = (id: string, type: string, name: string): Entity => ({ id, type, externalId: id.toUpperCase(), name, email: null, managerEmail: null, attributes: {} });
const typeName = (type: string) => ({ booking: 'Bookings', courseDate: 'Course dates', client: 'Clients' })[type] ?? type;

function show(related: unknown) {
  installFakeApi({ 'GET /auth/me': () => ({ body: reviewer }), 'GET /entities/:id/related': () => ({ body: related }) });
  renderPage('/entities/courseDate/cd-1', [{ path: '/entities/:type/:entityId', element: <RelatedRecordsSection entityId="cd-1" typeName={typeName} /> }]);
}

describe('RelatedRecordsSection', () => {
  it('lists the records this one links to by name, and groups the records linking to it', async () => {
    show({
      outgoing: [{ name: 'trainer', entity: record('t-1', 'client', 'Grace Trainer') }],
      incoming: [
        { name: 'courseDate', entity: record('b-1', 'booking', 'Ada Lovelace') },
        { name: 'courseDate', entity: record('b-2', 'booking', 'Alan Turing') },
      ],
      incomingTotal: 2,
    });
    const section = await screen.findByRole('region', { name: 'Related records' });
    expect(await within(section).findByText('Trainer →')).toBeInTheDocument();
    expect(within(section).getByRole('link', { name: 'Grace Trainer' })).toHaveAttribute('href', '/entities/client/t-1');
    expect(within(section).getByText(/Bookings \(2\)/)).toBeInTheDocument();
    const bookings = within(section).getByRole('list', { name: 'Bookings by Course date' });
    expect(within(bookings).getByRole('link', { name: 'Ada Lovelace' })).toHaveAttribute('href', '/entities/booking/b-1');
    expect(within(bookings).getAllByRole('link')).toHaveLength(2);
  });

  it('says when there are none', async () => {
    show({ outgoing: [], incoming: [], incomingTotal: 0 });
    expect(await screen.findByText('No related records.')).toBeInTheDocument();
  });

  it('says when only the first linking records are listed', async () => {
    show({ outgoing: [], incoming: [{ name: 'courseDate', entity: record('b-1', 'booking', 'Ada Lovelace') }], incomingTotal: 40 });
    expect(await screen.findByText('Showing 1 of 40 linking records.')).toBeInTheDocument();
  });
});
