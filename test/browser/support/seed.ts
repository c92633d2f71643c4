import type { Client, TestApp } from '../../../backend/test/support/test-app';
import { expectStatus } from './api';

const HOUR = 3_600_000;

export const STUDENTS = {
  ada: { externalId: 'S-1001', name: 'Ada Lovelace', email: 'ada@students.example.test' },
  grace: { externalId: 'S-1002', name: 'Grace Hopper', email: 'grace@students.example.test' },
  alan: { externalId: 'S-1003', name: 'Alan Turing', email: 'alan@students.example.test' },
  katherine: { externalId: 'S-1004', name: 'Katherine Johnson', email: 'katherine@students.example.test' },
  mary: { externalId: 'S-1005', name: 'Mary Jackson', email: 'mary@students.example.test' },
  dorothy: { externalId: 'S-1007', name: 'Dorothy Vaughan', email: 'dorothy@students.example.test' },
} as const;

const DECISIONS = [
  { key: 'approve', label: 'Approve support' },
  { key: 'refer', label: 'Refer to department' },
  { key: 'decline', label: 'Decline', commentRequired: true },
];

/** The student support referral (advisor → department), an invoice chase, and an unpublished draft. */
export async function seedProcesses(app: TestApp, launchWebhookUrl: string): Promise<void> {
  await expectStatus(
    app.admin.post('/processes').send({
      key: 'student-support',
      name: 'Student support referral',
      description: 'Advisor review, then the department decides.',
      entityTypes: ['student'],
      stages: [
        { key: 'advisor-review', name: 'Advisor review', ownerQueue: 'advisors', slaMinutes: 8 * 60, stallAfterMinutes: 3 * 24 * 60 },
        { key: 'department-review', name: 'Department review', ownerQueue: 'department', slaMinutes: 24 * 60 },
      ],
      decisions: DECISIONS,
      launchWebhookUrl,
    }),
    201,
  );
  await expectStatus(app.admin.post('/processes/student-support/publish'), [200, 201]);
  await expectStatus(
    app.admin.post('/processes').send({
      key: 'invoice-chase',
      name: 'Invoice chase',
      entityTypes: ['invoice'],
      stages: [{ key: 'reminder', name: 'Reminder', ownerQueue: 'finance' }],
      decisions: [{ key: 'paid', label: 'Paid' }],
    }),
    201,
  );
  await expectStatus(app.admin.post('/processes/invoice-chase/publish'), [200, 201]);
  await expectStatus(
    app.admin.post('/processes').send({ key: 'alumni-outreach', name: 'Alumni outreach (draft)', entityTypes: ['student'], stages: [{ key: 'contact', name: 'Contact' }] }),
    201,
  );
}

export interface Case {
  instanceId: string;
  taskId: string;
}

interface CaseOptions {
  student: { externalId: string; name: string; email: string };
  createdHoursAgo: number;
  dueInHours?: number;
  priority?: number;
  resumeUrl?: string;
  data?: Record<string, unknown>;
}

/** What n8n does for a new referral: launch the case in the advisor stage and await the advisors' decision. */
export async function openReferral(app: TestApp, options: CaseOptions): Promise<Case> {
  const now = Date.now();
  app.clock.set(now - options.createdHoursAgo * HOUR);
  try {
    const instance = await expectStatus<{ id: string }>(
      app.automation.post('/instances').send({
        processKey: 'student-support',
        entity: { type: 'student', ...options.student, managerEmail: 'advisors@college.example.test', attributes: { course: 'BSc Mathematics', year: 2 } },
        data: options.data ?? { reason: 'Struggling with coursework deadlines', referredBy: 'Personal tutor' },
        stageKey: 'advisor-review',
        idempotencyKey: `referral-${options.student.externalId}`,
      }),
      201,
    );
    const task = await expectStatus<{ id: string }>(
      app.automation.post('/tasks').send({
        instanceId: instance.id,
        queue: 'advisors',
        stageKey: 'advisor-review',
        title: `Review referral: ${options.student.name}`,
        instructions: 'Read the tutor’s referral and the student’s record. Approve support you can arrange yourself, refer anything that needs the department, and explain any decline.',
        ...(options.dueInHours !== undefined ? { dueInMinutes: Math.round((options.createdHoursAgo + options.dueInHours) * 60) } : {}),
        priority: options.priority ?? 2,
        ...(options.resumeUrl ? { resumeUrl: `${options.resumeUrl}/${instance.id}` } : {}),
      }),
      201,
    );
    return { instanceId: instance.id, taskId: task.id };
  } finally {
    app.clock.set(now);
  }
}

/** Closed cases over the last days, so the reports have something to show. */
export async function seedHistory(app: TestApp, advisor: Client): Promise<void> {
  const start = Date.now() - 5 * 24 * HOUR;
  const outcomes: Array<{ decision: string; comment?: string; hoursInAdvisor: number; hoursInDepartment?: number; outcome: string }> = [
    { decision: 'approve', hoursInAdvisor: 3, outcome: 'supported' },
    { decision: 'approve', hoursInAdvisor: 6, outcome: 'supported' },
    { decision: 'refer', hoursInAdvisor: 2, hoursInDepartment: 20, outcome: 'supported' },
    { decision: 'refer', hoursInAdvisor: 9, hoursInDepartment: 30, outcome: 'declined' },
    { decision: 'decline', comment: 'Already supported by the disability service.', hoursInAdvisor: 1, outcome: 'declined' },
    { decision: 'approve', hoursInAdvisor: 12, outcome: 'supported' },
  ];
  for (const [index, step] of outcomes.entries()) {
    const at = start + index * 14 * HOUR;
    app.clock.set(at);
    const student = { externalId: `S-09${index}`, name: `History student ${index + 1}`, email: `history${index}@students.example.test` };
    const instance = await expectStatus<{ id: string }>(
      app.automation.post('/instances').send({ processKey: 'student-support', entity: { type: 'student', ...student }, stageKey: 'advisor-review', data: {} }),
      201,
    );
    const task = await expectStatus<{ id: string }>(
      app.automation.post('/tasks').send({ instanceId: instance.id, queue: 'advisors', stageKey: 'advisor-review', title: `Review referral: ${student.name}`, dueInMinutes: 8 * 60 }),
      201,
    );
    app.clock.set(at + step.hoursInAdvisor * HOUR);
    await expectStatus(advisor.post(`/tasks/${task.id}/decide`).send({ decision: step.decision, ...(step.comment ? { comment: step.comment } : {}) }), 200);
    if (step.hoursInDepartment) {
      await expectStatus(app.automation.post(`/instances/${instance.id}/stage`).send({ stageKey: 'department-review' }), 200);
      app.clock.set(at + (step.hoursInAdvisor + step.hoursInDepartment) * HOUR);
    }
    await expectStatus(app.automation.post(`/instances/${instance.id}/complete`).send({ outcome: step.outcome }), 200);
  }
  app.clock.set(Date.now());
}
