import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { InstanceDetail, Message } from '../../api/timeline-types';
import { aTaskDetail } from '../../test/fixtures';
import { CaseTimeline } from './case-timeline';

const message = (id: string, subject: string, kind: Message['kind'], at: string): Message => ({ id, subject, kind, recipients: ['a@example.test'], status: 'sent', attachments: [], createdAt: at });

const detail: InstanceDetail = {
  ...aTaskDetail().instance,
  stageVisits: [{ id: 'v1', stageKey: 'review', stageName: 'Review', ownerQueue: null, assigneeId: null, enteredAt: '2026-11-02T09:00:00.000Z', exitedAt: null, durationMs: null, slaDueAt: null, breached: false }],
  timeline: [],
  tasks: [],
  timers: [],
  escalations: [],
  messages: [
    message('m1', 'Booking confirmed', 'customer', '2026-11-02T09:01:00.000Z'),
    message('m2', 'Invoice reminder', 'finance', '2026-11-02T09:02:00.000Z'),
    { ...message('m3', 'Your certificate', 'customer', '2026-11-02T09:03:00.000Z'), attachments: [{ filename: 'certificate.pdf', contentType: 'application/pdf', size: 2048, url: '/messages/m3/attachments/0' }] },
  ],
};

describe('CaseTimeline', () => {
  it('shows every entry with each message kind, and narrows to the messages of one kind', async () => {
    render(<CaseTimeline detail={detail} />, { wrapper: MemoryRouter });
    const timeline = screen.getByRole('region', { name: 'Timeline' });
    expect(within(timeline).getByText('Entered Review')).toBeInTheDocument();
    expect(within(timeline).getByText('Message: Invoice reminder').closest('li')).toHaveTextContent('Finance');
    expect(within(timeline).getByRole('link', { name: 'Open certificate.pdf' })).toHaveAttribute('href', '/api/v1/messages/m3/attachments/0?inline=true');

    await userEvent.selectOptions(screen.getByLabelText('Show'), 'Customer messages');
    expect(within(timeline).getByText('Message: Booking confirmed')).toBeInTheDocument();
    expect(within(timeline).getByText('Message: Your certificate')).toBeInTheDocument();
    expect(within(timeline).queryByText('Message: Invoice reminder')).not.toBeInTheDocument();
    expect(within(timeline).queryByText('Entered Review')).not.toBeInTheDocument();

    await userEvent.selectOptions(screen.getByLabelText('Show'), 'Admin messages');
    expect(within(timeline).getByText('No admin messages on this case.')).toBeInTheDocument();
  });
});
