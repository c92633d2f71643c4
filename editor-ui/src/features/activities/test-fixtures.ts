import type { ActivityResponse, AgendaItem, Person } from '../../api/activity-types';

/** Test data for activities and the agenda, shaped like the API's answers. */

export function anActivity(overrides: Partial<ActivityResponse> = {}): ActivityResponse {
  return {
    id: 'act-1',
    instanceId: 'case-1',
    kind: 'follow-up',
    title: 'Call the student',
    note: '',
    dueAt: '2026-12-09T10:00:00.000Z',
    startAt: null,
    endAt: null,
    status: 'open',
    overdue: false,
    assignee: { id: 'user-1', name: 'Rita Reviewer' },
    createdBy: { id: 'user-1', name: 'Rita Reviewer' },
    completedBy: null,
    completedAt: null,
    createdAt: '2026-12-07T09:00:00.000Z',
    updatedAt: '2026-12-07T09:00:00.000Z',
    ...overrides,
  };
}

export const PEOPLE: Person[] = [
  { id: 'user-2', name: 'Grace Hopper', email: 'grace@college.example.test', away: null },
  { id: 'user-1', name: 'Rita Reviewer', email: 'rita@college.example.test', away: null },
];

export function anAgendaItem(overrides: Partial<AgendaItem> = {}): AgendaItem {
  return {
    type: 'follow-up',
    id: 'act-1',
    title: 'Call the student',
    at: '2026-12-08T10:00:00.000Z',
    endAt: null,
    overdue: false,
    instanceId: 'case-1',
    caseName: 'Ada Lovelace',
    processKey: 'student-support',
    link: '/instances/case-1',
    ...overrides,
  };
}
