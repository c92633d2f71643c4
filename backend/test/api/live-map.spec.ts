import { InstanceTable, ProcessTable, QueueTable } from '../../src/database/tables';
import { addQueueMember, insertInstance, insertPublishedProcess, insertQueue, insertStageVisit, insertTask } from '../support/fixtures';
import { startTestApp, TestApp } from '../support/test-app';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * A known history of one process (two versions) beside another process whose cases sit in the same
 * stage keys. The clock stands at 2026-11-02T09:00Z, so the default period is the 30 days before it.
 */
describe('live map', () => {
  let t: TestApp;
  let now: number;
  let v1: ProcessTable;
  let queue: QueueTable;
  let onlyCaseA: QueueTable;

  const at = (ms: number) => new Date(ms).toISOString();
  const visit = (instance: InstanceTable, stageKey: string, enteredAgo: number, exitedAgo: number | null, breached = false) =>
    insertStageVisit(t, instance, { stageKey, enteredAt: now - enteredAgo, exitedAt: exitedAgo === null ? null : now - exitedAgo, breached });
  const decided = (instance: InstanceTable, stageKey: string, decision: string, ago: number) =>
    insertTask(t, instance, queue, { stageKey, status: 'decided', decision, decidedAt: now - ago });

  beforeAll(async () => {
    t = await startTestApp();
    now = t.clock.now();
    queue = await insertQueue(t);
    v1 = await insertPublishedProcess(t);
    const v2 = await insertPublishedProcess(t, { key: v1.key, version: 2 });

    const a = await insertInstance(t, { process: v1, currentStageKey: 'review' });
    await visit(a, 'review', HOUR, null);
    await insertTask(t, a, queue, { stageKey: 'review', dueAt: now - 2 * MINUTE });
    await insertTask(t, a, queue, { stageKey: 'review', dueAt: now + 10 * MINUTE });
    onlyCaseA = await insertQueue(t);
    await insertTask(t, a, onlyCaseA, { stageKey: 'review', status: 'cancelled' });

    const b = await insertInstance(t, { process: v1, currentStageKey: 'review', status: 'waiting', stalledAt: now - 30 * MINUTE });
    await visit(b, 'review', 90 * MINUTE, null, true);

    const c = await insertInstance(t, { process: v1, currentStageKey: null, status: 'completed', outcome: 'approved', closedAt: now - HOUR });
    await visit(c, 'review', 5 * HOUR, 4 * HOUR);
    await visit(c, 'approval', 4 * HOUR, HOUR);
    await decided(c, 'review', 'approve', 4 * HOUR);
    await decided(c, 'approval', 'approve', HOUR);

    const d = await insertInstance(t, { process: v1, currentStageKey: 'review', status: 'completed', outcome: 'rejected', closedAt: now - 2 * HOUR });
    await visit(d, 'review', 3 * HOUR, 160 * MINUTE);
    await decided(d, 'review', 'reject', 160 * MINUTE);

    const e = await insertInstance(t, { process: v1, currentStageKey: 'review', status: 'cancelled', closedAt: now - 40 * DAY });
    await visit(e, 'review', 41 * DAY, 40 * DAY);
    await decided(e, 'review', 'reject', 40 * DAY);

    const f = await insertInstance(t, { process: v1, currentStageKey: 'approval', status: 'failed' });
    await visit(f, 'approval', 10 * MINUTE, null);

    await insertInstance(t, { process: v1, currentStageKey: null, status: 'completed', outcome: 'approved', closedAt: now - 45 * DAY });

    const h = await insertInstance(t, { process: v2, currentStageKey: 'approval' });
    await visit(h, 'review', 2 * HOUR, 90 * MINUTE);
    await visit(h, 'approval', 90 * MINUTE, null);
    await decided(h, 'review', 'approve', 90 * MINUTE);
    await insertTask(t, h, queue, { stageKey: 'approval', dueAt: now - MINUTE });

    const other = await insertPublishedProcess(t);
    const stranger = await insertInstance(t, { process: other, currentStageKey: 'review', stalledAt: now - HOUR });
    await visit(stranger, 'review', 10 * MINUTE, 5 * MINUTE);
    await visit(stranger, 'approval', 5 * MINUTE, null, true);
    await insertTask(t, stranger, queue, { stageKey: 'review', dueAt: now - HOUR });
    await decided(stranger, 'review', 'reject', 5 * MINUTE);
    await insertInstance(t, { process: other, status: 'completed', outcome: 'approved', closedAt: now - MINUTE });
  });
  afterAll(() => t.close());

  it('counts every version over the last 30 days by default, and nothing of another process', async () => {
    const res = await t.admin.get(`/processes/${v1.key}/live-map`).expect(200);
    expect(res.body).toEqual({
      processKey: v1.key,
      version: null,
      from: at(now - 30 * DAY),
      to: at(now),
      generatedAt: at(now),
      stages: [
        { stageKey: 'review', open: 2, overdue: 1, stalled: 1, breached: 1, entered: 5, left: 3, medianMinutes: 30, p90Minutes: 54 },
        { stageKey: 'approval', open: 2, overdue: 1, stalled: 0, breached: 0, entered: 3, left: 1, medianMinutes: 180, p90Minutes: 180 },
      ],
      decisions: [
        { stageKey: 'approval', decision: 'approve', count: 1, share: 1 },
        { stageKey: 'review', decision: 'approve', count: 2, share: 0.6667 },
        { stageKey: 'review', decision: 'reject', count: 1, share: 0.3333 },
      ],
      outcomes: [
        { outcome: 'approved', count: 1 },
        { outcome: 'rejected', count: 1 },
      ],
      totals: { open: 4, completed: 3, cancelled: 1 },
    });
  });

  it('counts only the cases of one version when asked', async () => {
    const res = await t.admin.get(`/processes/${v1.key}/live-map?version=1`).expect(200);
    expect(res.body).toMatchObject({
      version: 1,
      stages: [
        { stageKey: 'review', open: 2, overdue: 1, stalled: 1, breached: 1, entered: 4, left: 2, medianMinutes: 40, p90Minutes: 56 },
        { stageKey: 'approval', open: 1, overdue: 0, stalled: 0, breached: 0, entered: 2, left: 1, medianMinutes: 180, p90Minutes: 180 },
      ],
      decisions: [
        { stageKey: 'approval', decision: 'approve', count: 1, share: 1 },
        { stageKey: 'review', decision: 'approve', count: 1, share: 0.5 },
        { stageKey: 'review', decision: 'reject', count: 1, share: 0.5 },
      ],
      totals: { open: 3, completed: 3, cancelled: 1 },
    });
  });

  it('takes the traffic from the period asked for, and where cases stand from now', async () => {
    const res = await t.admin.get(`/processes/${v1.key}/live-map?from=2026-09-01&to=2026-09-30`).expect(200);
    expect(res.body).toMatchObject({
      from: '2026-09-01T00:00:00.000Z',
      to: '2026-10-01T00:00:00.000Z',
      stages: [
        { stageKey: 'review', open: 2, overdue: 1, stalled: 1, breached: 1, entered: 1, left: 1, medianMinutes: 1440, p90Minutes: 1440 },
        { stageKey: 'approval', open: 2, overdue: 1, stalled: 0, breached: 0, entered: 0, left: 0, medianMinutes: null, p90Minutes: null },
      ],
      decisions: [{ stageKey: 'review', decision: 'reject', count: 1, share: 1 }],
      outcomes: [{ outcome: 'approved', count: 1 }],
      totals: { open: 4, completed: 3, cancelled: 1 },
    });
  });

  it('reads a bare end date as the end of that day, and counts visits that began in the period', async () => {
    const res = await t.admin.get(`/processes/${v1.key}/live-map?from=2026-11-02T04:30:00Z&to=2026-11-02`).expect(200);
    expect(res.body).toMatchObject({ from: '2026-11-02T04:30:00.000Z', to: '2026-11-03T00:00:00.000Z' });
    expect(res.body.stages[0]).toMatchObject({ stageKey: 'review', entered: 4, left: 2, medianMinutes: 25, p90Minutes: 29 });
  });

  it('refuses a period that ends before it starts, or a date that is not one, with 400', async () => {
    const backwards = await t.admin.get(`/processes/${v1.key}/live-map?from=2026-11-02&to=2026-11-01T00:00:00Z`).expect(400);
    expect(backwards.body.message).toMatch(/from: must be before to/);
    await t.admin.get(`/processes/${v1.key}/live-map?from=2026-11-01T00:00:00Z&to=2026-11-01T00:00:00Z`).expect(400);
    await t.admin.get(`/processes/${v1.key}/live-map?from=yesterday`).expect(400);
    await t.admin.get(`/processes/${v1.key}/live-map?to=2026-02-30`).expect(400);
    await t.admin.get(`/processes/${v1.key}/live-map?version=0`).expect(400);
    await t.admin.get(`/processes/${v1.key}/live-map?version=two`).expect(400);
  });

  it('answers 404 for a process or a version that does not exist', async () => {
    const unknown = await t.admin.get('/processes/no-such-process/live-map').expect(404);
    expect(unknown.body.message).toMatch(/no-such-process/);
    await t.admin.get(`/processes/${v1.key}/live-map?version=3`).expect(404);
  });

  it('agrees with the time-in-stage report', async () => {
    const report = await t.admin.get(`/reports/time-in-stage?processKey=${v1.key}&from=${at(now - 30 * DAY)}&to=${at(now)}`).expect(200);
    const map = await t.admin.get(`/processes/${v1.key}/live-map`).expect(200);
    expect(report.body.rows).toHaveLength(2);
    for (const row of report.body.rows as Array<{ stageKey: string; count: number; p50Ms: number; p90Ms: number }>) {
      const stage = map.body.stages.find((s: { stageKey: string }) => s.stageKey === row.stageKey);
      expect(stage).toMatchObject({ left: row.count, medianMinutes: row.p50Ms / MINUTE, p90Minutes: row.p90Ms / MINUTE });
    }
  });

  it('counts only the cases a reviewer may see', async () => {
    const reviewer = await t.createUser('reviewer');
    await addQueueMember(t, onlyCaseA.id, reviewer.user.id);
    const res = await reviewer.client.get(`/processes/${v1.key}/live-map`).expect(200);
    expect(res.body).toMatchObject({
      stages: [
        { stageKey: 'review', open: 1, overdue: 1, stalled: 0, breached: 0, entered: 1, left: 0, medianMinutes: null, p90Minutes: null },
        { stageKey: 'approval', open: 0, overdue: 0, stalled: 0, breached: 0, entered: 0, left: 0, medianMinutes: null, p90Minutes: null },
      ],
      decisions: [],
      outcomes: [],
      totals: { open: 1, completed: 0, cancelled: 0 },
    });
  });

  it('is for callers who may read reports', async () => {
    const { client } = await t.createApiKey(['processes:read']);
    await client.get(`/processes/${v1.key}/live-map`).expect(403);
    await t.anonymous.get(`/processes/${v1.key}/live-map`).expect(401);
    const viewer = await t.createUser('viewer');
    await viewer.client.get(`/processes/${v1.key}/live-map`).expect(200);
  });
});
