import type { Me, Task, TaskDetail } from '../api/types';

export const reviewer: Me = {
  type: 'user',
  id: 'user-1',
  name: 'Rita Reviewer',
  role: 'reviewer',
  permissions: ['tasks:read', 'tasks:write', 'entities:read', 'instances:read', 'reports:read'],
};

export function aTask(overrides: Partial<Task> = {}): Task {
  return {
    id: 'task-1',
    instanceId: 'instance-1',
    processKey: 'student-support',
    stageKey: 'advisor-review',
    queue: { id: 'queue-1', key: 'advisors', name: 'Advisors' },
    assignee: null,
    title: 'Review referral for Ada',
    instructions: 'Check the referral.',
    decisions: [
      { key: 'approve', label: 'Approve' },
      { key: 'reject', label: 'Reject', commentRequired: true },
    ],
    fields: [],
    dueAt: null,
    priority: 2,
    status: 'open',
    decision: null,
    comment: null,
    captured: null,
    decidedBy: null,
    decidedAt: null,
    createdAt: '2026-11-02T09:00:00.000Z',
    ...overrides,
  };
}

export function aTaskDetail(overrides: Partial<TaskDetail> = {}): TaskDetail {
  return {
    ...aTask(),
    instance: {
      id: 'instance-1',
      processKey: 'student-support',
      processVersion: 1,
      status: 'active',
      currentStage: { key: 'advisor-review', name: 'Advisor review', enteredAt: '2026-11-02T09:00:00.000Z', slaDueAt: null },
      outcome: null,
      data: { course: 'Chemistry' },
      entity: null,
      createdAt: '2026-11-02T09:00:00.000Z',
      updatedAt: '2026-11-02T09:00:00.000Z',
      closedAt: null,
    },
    entity: { id: 'entity-1', type: 'student', externalId: 'S-1', name: 'Ada Lovelace', email: 'ada@example.test', managerEmail: null, attributes: {} },
    comments: [],
    ...overrides,
  };
}

export const admin: Me = {
  type: 'user',
  id: 'user-admin',
  name: 'Ada Admin',
  role: 'admin',
  permissions: [
    'entities:read',
    'entities:write',
    'processes:read',
    'processes:write',
    'instances:read',
    'instances:launch',
    'instances:write',
    'tasks:read',
    'tasks:write',
    'messages:read',
    'messages:write',
    'reports:read',
    'admin',
  ],
};
