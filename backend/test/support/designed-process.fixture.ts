import type { DesignedProcess } from '../../src/n8n-workflows/workflow-model';

/** A three-stage, two-decision process with a designed flow, as the specs of this module use it. */
export function admissionsProcess(): DesignedProcess {
  return {
    key: 'admissions',
    version: 3,
    name: 'Admissions',
    entityTypes: ['student', 'prospect'],
    intake: [],
    stages: [
      { key: 'screening', name: 'Screening', ownerQueue: 'admissions-office' },
      { key: 'interview', name: 'Interview', ownerQueue: 'faculty' },
      { key: 'enrolment', name: 'Enrolment' },
    ],
    decisions: [
      { key: 'accept', label: 'Accept' },
      { key: 'reject', label: 'Reject', commentRequired: true },
    ],
    flow: {
      steps: [
        { id: 'start', kind: 'start' },
        { id: 'screen', kind: 'stage', stageKey: 'screening' },
        { id: 'screen-decision', kind: 'decision', title: 'Screen the application', decisions: ['accept', 'reject'], dueInMinutes: 60 },
        { id: 'interview', kind: 'stage', stageKey: 'interview', label: 'Invite to interview' },
        { id: 'interview-decision', kind: 'decision', title: 'Interview verdict', decisions: ['accept', 'reject'], queue: 'panel', position: { x: 900, y: 40 } },
        { id: 'wait', kind: 'delay', anchorField: 'data.startsOn', amount: 2, unit: 'businessDays', direction: 'before' },
        { id: 'enrol', kind: 'stage', stageKey: 'enrolment' },
        { id: 'welcome', kind: 'message', template: 'welcome', toManager: true, toQueue: 'registry', addresses: 'dean@example.test' },
        { id: 'chase', kind: 'escalate', reason: 'Nobody screened it in time', toQueue: 'supervisors', priority: 4 },
        { id: 'admitted', kind: 'outcome', outcome: 'admitted' },
        { id: 'rejected', kind: 'outcome', outcome: 'cancelled', label: 'Withdraw' },
      ],
      links: [
        { from: 'start', to: 'screen' },
        { from: 'screen', to: 'screen-decision' },
        { from: 'screen-decision', to: 'interview', on: 'accept' },
        { from: 'screen-decision', to: 'rejected', on: 'reject' },
        { from: 'screen-decision', to: 'chase', on: 'timedOut' },
        { from: 'chase', to: 'rejected' },
        { from: 'interview', to: 'interview-decision' },
        { from: 'interview-decision', to: 'wait', on: 'accept' },
        { from: 'interview-decision', to: 'rejected', on: 'reject' },
        { from: 'wait', to: 'enrol' },
        { from: 'enrol', to: 'welcome' },
        { from: 'welcome', to: 'admitted' },
      ],
    },
  };
}
