import type { Process } from '../../../api/types';

/** A three-stage process in the shape GET /processes/:key/versions/:version returns. */
export function aProcess(overrides: Partial<Process> = {}): Process {
  return {
    id: 'process-invoices-2',
    key: 'invoices',
    version: 2,
    status: 'published',
    name: 'Invoice reminders',
    description: 'Reminders until the invoice is paid.',
    entityTypes: ['invoice'],
    stages: [
      { key: 'open', name: 'Awaiting payment' },
      { key: 'overdue', name: 'Overdue', ownerQueue: 'accounts-receivable', stallAfterMinutes: 4320 },
      {
        key: 'finance',
        name: 'Finance escalation',
        ownerQueue: 'finance',
        slaMinutes: 2400,
        calendar: 'finance-office',
        escalation: [
          { atPercent: 75, action: 'notify', template: 'finance-reminder' },
          { afterBreachMinutes: 60, action: 'escalate', toQueue: 'finance-managers', priority: 4 },
        ],
      },
    ],
    decisions: [
      { key: 'paid', label: 'Payment received' },
      { key: 'write-off', label: 'Write off', commentRequired: true },
    ],
    intake: [
      { path: 'entity.email', label: 'Accounts email', type: 'email', required: true },
      { path: 'data.amount', label: 'Amount', type: 'number', required: false },
    ],
    calendarKey: 'finance-office',
    publishedAt: '2026-11-02T09:00:00.000Z',
    createdAt: '2026-11-01T09:00:00.000Z',
    updatedAt: '2026-11-02T09:00:00.000Z',
    ...overrides,
  };
}
