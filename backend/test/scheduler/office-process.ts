import type { Client } from '../support/test-app';

/** Weekdays 09:00–17:00 in London: business time a person would recognise. */
export const OFFICE_HOURS = {
  timeZone: 'Europe/London',
  workingHours: {
    mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']], thu: [['09:00', '17:00']],
    fri: [['09:00', '17:00']], sat: [], sun: [],
  },
};

const ok = async (request: PromiseLike<{ status: number; body: unknown }>, what: string) => {
  const res = await request;
  if (res.status >= 300) throw new Error(`${what} failed with ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body as Record<string, unknown>;
};

export interface OfficeProcessOptions {
  key: string;
  stages: Array<Record<string, unknown>>;
  queues?: Array<{ key: string; supervisorQueueKey?: string }>;
  calendarKey?: string;
}

/** An office-hours calendar, the queues, and a published process, all through the real API. */
export async function setUpOfficeProcess(admin: Client, options: OfficeProcessOptions): Promise<void> {
  if (options.calendarKey) {
    await ok(admin.post('/calendars').send({ key: options.calendarKey, name: 'Office hours', ...OFFICE_HOURS }), 'create calendar');
  }
  for (const queue of options.queues ?? []) {
    await ok(admin.post('/queues').send({ name: queue.key, ...queue }), `create queue ${queue.key}`);
  }
  await ok(admin.post('/processes').send({
    key: options.key,
    name: options.key,
    entityTypes: ['student'],
    stages: options.stages,
    decisions: [{ key: 'accept', label: 'Accept' }, { key: 'decline', label: 'Decline' }],
  }), 'create process');
  await ok(admin.post(`/processes/${options.key}/publish`), 'publish process');
}

/** Starts an instance of the process in `stageKey`, with an open task there when `queue` is given. */
export async function launchInStage(client: Client, processKey: string, stageKey: string, n: string, queue?: string, task: Record<string, unknown> = {}) {
  const instance = await ok(client.post('/instances').send({
    processKey,
    stageKey,
    entity: { type: 'student', externalId: `${processKey}-${n}`, name: `Student ${n}`, email: `student-${n}@example.test` },
  }), 'launch');
  const created = queue
    ? await ok(client.post('/tasks').send({ instanceId: instance.id, queue, stageKey, title: `Review ${n}`, ...task }), 'create task')
    : null;
  return { instance: instance as { id: string; currentStage: { slaDueAt: string } }, task: created as { id: string; dueAt: string | null } | null };
}
