import type { Process, ProcessFlow } from '../../../api/types';
import { aProcess } from './process-fixtures';

/**
 * The invoice process designed as a flow with one step of every kind: remind, wait, chase in the finance
 * stage, then a decision whose three paths (paid, write off, timed out) end or escalate.
 */
export function anInvoiceFlow(): ProcessFlow {
  return {
    steps: [
      { id: 'start', kind: 'start' },
      { id: 'remind', kind: 'message', template: 'invoice-reminder', toEntity: true, toManager: true, addresses: 'ar@example.com, ' },
      { id: 'wait', kind: 'delay', anchorField: 'data.dueDate', amount: 3, unit: 'days', direction: 'after' },
      { id: 'chase', kind: 'stage', stageKey: 'finance' },
      { id: 'decide', kind: 'decision', title: 'Was it paid?', decisions: ['paid', 'write-off'], dueInMinutes: 2880 },
      { id: 'escalate', kind: 'escalate', reason: 'Nobody decided in time', toQueue: 'finance-managers', priority: 4 },
      { id: 'paid', kind: 'outcome', outcome: 'paid' },
      { id: 'written-off', kind: 'outcome', outcome: 'cancelled' },
    ],
    links: [
      { from: 'start', to: 'remind' },
      { from: 'remind', to: 'wait' },
      { from: 'wait', to: 'chase' },
      { from: 'chase', to: 'decide' },
      { from: 'decide', to: 'paid', on: 'paid' },
      { from: 'decide', to: 'written-off', on: 'write-off' },
      { from: 'decide', to: 'escalate', on: 'timedOut' },
      { from: 'escalate', to: 'written-off' },
    ],
  };
}

/** aProcess() with a designed flow, as GET /processes/:key/versions/:version returns it once designed. */
export function aFlowProcess(flow: ProcessFlow = anInvoiceFlow(), overrides: Partial<Process> = {}): Process & { flow: ProcessFlow } {
  return { ...aProcess(overrides), flow };
}
