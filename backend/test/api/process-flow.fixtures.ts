import type { ProcessFlow } from '../../src/processes/process-flow';

/**
 * A clean flow over three stages and two decisions: the advisor approves or rejects, the department
 * decides within a day (else the case is escalated), approved cases wait until two days before the
 * course and get a welcome message. Every check passes; tests break one thing at a time.
 */
export const CLEAN_FLOW: ProcessFlow = {
  steps: [
    { id: 'start', kind: 'start', label: 'Referral received' },
    { id: 'advisor', kind: 'stage', stageKey: 'advisor-review' },
    { id: 'advisor-decides', kind: 'decision', label: 'Advisor review', title: 'Review the referral', decisions: ['approve', 'reject'], queue: 'advisors' },
    { id: 'department', kind: 'stage', stageKey: 'department' },
    {
      id: 'department-decides',
      kind: 'decision',
      label: 'Department decision',
      title: 'Decide the referral',
      decisions: ['approve', 'reject'],
      stageKey: 'department',
      dueInMinutes: 1440,
    },
    { id: 'chase', kind: 'escalate', reason: 'No decision within a day', toQueue: 'department', priority: 4 },
    { id: 'closing', kind: 'stage', stageKey: 'closing' },
    { id: 'wait', kind: 'delay', anchorField: 'data.courseStart', amount: 2, unit: 'days', direction: 'before' },
    { id: 'welcome', kind: 'message', template: 'welcome', toEntity: true, toManager: true },
    { id: 'approved', kind: 'outcome', outcome: 'approved', position: { x: 600, y: 40 } },
    { id: 'rejected', kind: 'outcome', label: 'Rejected', outcome: 'rejected' },
  ],
  links: [
    { from: 'start', to: 'advisor' },
    { from: 'advisor', to: 'advisor-decides' },
    { from: 'advisor-decides', to: 'department', on: 'approve' },
    { from: 'advisor-decides', to: 'rejected', on: 'reject' },
    { from: 'department', to: 'department-decides' },
    { from: 'department-decides', to: 'closing', on: 'approve' },
    { from: 'department-decides', to: 'rejected', on: 'reject' },
    { from: 'department-decides', to: 'chase', on: 'timedOut' },
    { from: 'chase', to: 'rejected' },
    { from: 'closing', to: 'wait' },
    { from: 'wait', to: 'welcome' },
    { from: 'welcome', to: 'approved' },
  ],
};

export const CLEAN_STAGES = [
  { key: 'advisor-review', name: 'Advisor review', ownerQueue: 'advisors', slaMinutes: 60 },
  { key: 'department', name: 'Department decision', ownerQueue: 'department' },
  { key: 'closing', name: 'Closing' },
];

export const CLEAN_DECISIONS = [
  { key: 'approve', label: 'Approve' },
  { key: 'reject', label: 'Reject', commentRequired: true },
];

/** A copy of the clean flow with some steps or links changed, added or removed. */
export function flowWith(change: (flow: ProcessFlow) => void): ProcessFlow {
  const flow = structuredClone(CLEAN_FLOW);
  change(flow);
  return flow;
}
