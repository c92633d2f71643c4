import type { Instance } from '../../../api/types';
import type { LiveMap } from './live-map-types';

/** The invoice flow's live map: four cases in finance (one past its SLA), three paid and one written off there. */
export function aLiveMap(overrides: Partial<LiveMap> = {}): LiveMap {
  return {
    processKey: 'invoices',
    version: null,
    from: '2026-10-03T09:00:00.000Z',
    to: '2026-11-02T09:00:00.000Z',
    generatedAt: '2026-11-02T09:00:00.000Z',
    stages: [
      { stageKey: 'finance', open: 4, overdue: 1, stalled: 2, breached: 1, entered: 9, left: 5, medianMinutes: 90, p90Minutes: 600 },
      { stageKey: 'open', open: 6, overdue: 0, stalled: 0, breached: 0, entered: 6, left: 0, medianMinutes: null, p90Minutes: null },
    ],
    decisions: [
      { stageKey: 'finance', decision: 'paid', count: 3, share: 0.75 },
      { stageKey: 'finance', decision: 'write-off', count: 1, share: 0.25 },
    ],
    outcomes: [{ outcome: 'paid', count: 3 }],
    totals: { open: 10, completed: 3, cancelled: 1 },
    ...overrides,
  };
}

/** An open case standing in the finance stage, as GET /instances lists it. */
export function anOpenCase(overrides: Partial<Instance> = {}): Instance {
  return {
    id: 'instance-7',
    processKey: 'invoices',
    processVersion: 2,
    status: 'waiting',
    currentStage: { key: 'finance', name: 'Finance escalation', enteredAt: '2026-11-01T09:00:00.000Z', slaDueAt: null },
    outcome: null,
    data: {},
    entity: { id: 'entity-7', type: 'invoice', externalId: 'INV-7', name: 'Invoice INV-7 for Acme', email: null, managerEmail: null, attributes: {} },
    createdAt: '2026-10-30T09:00:00.000Z',
    updatedAt: '2026-11-01T09:00:00.000Z',
    closedAt: null,
    ...overrides,
  };
}
