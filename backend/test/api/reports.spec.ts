import { newId } from '../../src/common/ids';
import { EscalationTable, InstanceTable } from '../../src/database/tables';
import { insertInstance, insertPublishedProcess, insertQueue, insertStageVisit, insertTask } from '../support/fixtures';
import { startTestApp, TestApp } from '../support/test-app';

const MINUTE = 60_000;

describe('reports', () => {
  let t: TestApp;
  let bookings: string;
  let invoices: string;
  let now: number;
  const ids: Record<string, string> = {};

  async function escalate(instance: InstanceTable, taskId: string | null): Promise<void> {
    await t.db.transaction(() =>
      t.db.insert(EscalationTable, {
        id: newId(), instanceId: instance.id, taskId, ladderStep: null, action: 'escalate', reason: 'late',
        fromQueueId: null, toQueueId: null, fromUserId: null, toUserId: null, priority: null, actor: 'test', createdAt: now,
      }),
    );
  }

  beforeAll(async () => {
    t = await startTestApp();
    now = t.clock.now();
    const bookingProcess = await insertPublishedProcess(t);
    const invoiceProcess = await insertPublishedProcess(t);
    bookings = bookingProcess.key;
    invoices = invoiceProcess.key;
    const queue = await insertQueue(t, { name: 'Front desk, "east"' });

    const active = await insertInstance(t, { process: bookingProcess, currentStageKey: 'review' });
    const stalled = await insertInstance(t, { process: bookingProcess, currentStageKey: 'review', status: 'waiting', stalledAt: now - 30 * MINUTE });
    const approved = await insertInstance(t, { process: bookingProcess, currentStageKey: null, status: 'completed', outcome: 'approved', closedAt: now });
    await insertInstance(t, { process: bookingProcess, status: 'completed', outcome: 'approved', closedAt: now });
    await insertInstance(t, { process: bookingProcess, status: 'completed', outcome: 'rejected', closedAt: now });
    await insertInstance(t, { process: bookingProcess, status: 'cancelled', stalledAt: now, closedAt: now });
    const old = await insertInstance(t, { process: invoiceProcess, currentStageKey: 'approval', createdAt: Date.parse('2025-01-10T00:00:00Z') });
    ids.stalled = stalled.id;

    for (const minutes of [10, 20, 30, 40]) {
      await insertStageVisit(t, approved, { stageKey: 'review', stageName: 'Review', enteredAt: now - minutes * MINUTE, exitedAt: now });
    }
    await insertStageVisit(t, active, { stageKey: 'review', stageName: 'Review', enteredAt: now - 5 * MINUTE });
    await insertStageVisit(t, old, { stageKey: 'approval', stageName: 'Approval', enteredAt: Date.parse('2025-01-10T00:00:00Z'), exitedAt: Date.parse('2025-01-10T01:00:00Z') });

    const overdue = await insertTask(t, active, queue, { title: 'Check, then "approve"', dueAt: now - 2 * MINUTE, priority: 3 });
    ids.overdue = overdue.id;
    await insertTask(t, active, queue, { dueAt: now + MINUTE });
    await insertTask(t, active, queue, { dueAt: now - MINUTE, status: 'decided', decision: 'approve' });
    await insertTask(t, approved, queue, { stageKey: 'review', status: 'decided', decision: 'approve' });
    await insertTask(t, approved, queue, { stageKey: 'review', status: 'decided', decision: 'reject' });
    await insertTask(t, stalled, queue, { stageKey: 'review', status: 'decided', decision: 'approve', createdAt: Date.parse('2026-10-01T00:00:00Z') });
    await escalate(active, overdue.id);
    await escalate(active, overdue.id);
    await escalate(stalled, null);
  });
  afterAll(() => t.close());

  it('volume: instances by process, current stage and status', async () => {
    const res = await t.automation.get(`/reports/volume?processKey=${bookings}`).expect(200);
    expect(res.body).toMatchObject({ report: 'volume', filters: { processKey: bookings, from: null, to: null } });
    expect(res.body.rows).toEqual(
      expect.arrayContaining([
        { processKey: bookings, stageKey: 'review', status: 'active', count: 1 },
        { processKey: bookings, stageKey: 'review', status: 'waiting', count: 1 },
        { processKey: bookings, stageKey: null, status: 'completed', count: 1 },
        { processKey: bookings, stageKey: 'review', status: 'completed', count: 2 },
      ]),
    );
    const all = await t.automation.get('/reports/volume').expect(200);
    expect(all.body.rows.some((r: { processKey: string }) => r.processKey === invoices)).toBe(true);
    const period = await t.automation.get('/reports/volume?from=2026-01-01&to=2026-12-31').expect(200);
    expect(period.body.rows.some((r: { processKey: string }) => r.processKey === invoices)).toBe(false);
  });

  it('time-in-stage: count, average and percentiles of closed visits', async () => {
    const res = await t.automation.get(`/reports/time-in-stage?processKey=${bookings}`).expect(200);
    expect(res.body.rows).toEqual([
      { processKey: bookings, stageKey: 'review', stageName: 'Review', count: 4, avgMs: 25 * MINUTE, p50Ms: 25 * MINUTE, p90Ms: 37 * MINUTE },
    ]);
    const old = await t.automation.get('/reports/time-in-stage?to=2025-12-31').expect(200);
    expect(old.body.rows).toEqual([expect.objectContaining({ processKey: invoices, stageKey: 'approval', count: 1, p50Ms: 60 * MINUTE })]);
  });

  it('overdue: open and claimed tasks past their due time, with their queue', async () => {
    const res = await t.automation.get('/reports/overdue').expect(200);
    expect(res.body.rows).toEqual([
      expect.objectContaining({ taskId: ids.overdue, processKey: bookings, priority: 3, overdueMs: 2 * MINUTE, queue: expect.objectContaining({ name: 'Front desk, "east"' }) }),
    ]);
  });

  it('stalled: instances flagged stalled and still active or waiting', async () => {
    const res = await t.automation.get('/reports/stalled').expect(200);
    expect(res.body.rows).toEqual([expect.objectContaining({ instanceId: ids.stalled, status: 'waiting', stalledForMs: 30 * MINUTE })]);
  });

  it('decisions: counts and rates per process, stage and decision, filtered by period', async () => {
    const res = await t.automation.get(`/reports/decisions?processKey=${bookings}&from=2026-11-01T00:00:00Z`).expect(200);
    expect(res.body.rows).toEqual([
      { processKey: bookings, stageKey: 'review', decision: 'approve', count: 2, rate: 0.6667 },
      { processKey: bookings, stageKey: 'review', decision: 'reject', count: 1, rate: 0.3333 },
    ]);
  });

  describe('escalations', () => {
    it('counts every escalation of the cases, on a task or on the case, and the share of cases escalated', async () => {
      const res = await t.automation.get(`/reports/escalations?processKey=${bookings}`).expect(200);
      expect(res.body.rows).toEqual([{ processKey: bookings, escalations: 3, cases: 6, escalatedCases: 2, escalatedTasks: 1, tasks: 6, rate: 0.3333 }]);
    });

    it('gives a process whose one case was escalated on the case itself, with no task, 100 %', async () => {
      const process = await insertPublishedProcess(t);
      const overdueInvoice = await insertInstance(t, { process, currentStageKey: 'chasing' });
      await escalate(overdueInvoice, null);
      const res = await t.automation.get(`/reports/escalations?processKey=${process.key}`).expect(200);
      expect(res.body.rows).toEqual([{ processKey: process.key, escalations: 1, cases: 1, escalatedCases: 1, escalatedTasks: 0, tasks: 0, rate: 1 }]);
    });

    it('shows a process none of whose cases was escalated at 0 %, and counts only the cases started in the period', async () => {
      const none = await t.automation.get(`/reports/escalations?processKey=${invoices}`).expect(200);
      expect(none.body.rows).toEqual([{ processKey: invoices, escalations: 0, cases: 1, escalatedCases: 0, escalatedTasks: 0, tasks: 0, rate: 0 }]);
      const later = await t.automation.get(`/reports/escalations?processKey=${bookings}&from=2026-11-03`).expect(200);
      expect(later.body.rows).toEqual([]);
      const csv = await t.automation.get(`/reports/escalations?format=csv&processKey=${bookings}`).expect(200);
      expect(csv.text.split('\r\n')[0]).toBe('processKey,escalations,cases,escalatedCases,escalatedTasks,tasks,rate');
    });
  });

  it('outcomes: completed instances per process and outcome', async () => {
    const res = await t.automation.get(`/reports/outcomes?processKey=${bookings}`).expect(200);
    expect(res.body.rows).toEqual([
      { processKey: bookings, outcome: 'approved', count: 2, rate: 0.6667 },
      { processKey: bookings, outcome: 'rejected', count: 1, rate: 0.3333 },
    ]);
  });

  it('returns CSV with a header row, RFC 4180 quoting and a download name', async () => {
    const res = await t.automation.get('/reports/overdue?format=csv').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toBe('attachment; filename="overdue.csv"');
    const [header, row, end] = res.text.split('\r\n');
    expect(header).toBe('taskId,title,instanceId,processKey,stageKey,queueKey,queueName,assigneeId,priority,status,dueAt,overdueMs');
    expect(row).toContain(`${ids.overdue},"Check, then ""approve""",`);
    expect(row).toContain(',"Front desk, ""east""",');
    expect(end).toBe('');
    const empty = await t.automation.get('/reports/outcomes?format=csv&processKey=none').expect(200);
    expect(empty.text).toBe('processKey,outcome,count,rate\r\n');
  });

  it('refuses malformed filters with 400', async () => {
    await t.automation.get('/reports/volume?from=yesterday').expect(400);
    await t.automation.get('/reports/volume?format=xml').expect(400);
    await t.automation.get('/reports/volume?from=2026-12-01&to=2026-11-01').expect(400);
    await t.automation.get('/reports/volume?extra=1').expect(400);
  });

  it('needs credentials and reports:read; an unknown report is a 404', async () => {
    await t.anonymous.get('/reports/volume').expect(401);
    const { client } = await t.createApiKey(['instances:read']);
    await client.get('/reports/volume').expect(403);
    const viewer = await t.createUser('viewer');
    await viewer.client.get('/reports/volume').expect(200);
    await t.automation.get('/reports/nothing').expect(404);
  });
});
