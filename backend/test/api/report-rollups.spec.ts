/**
 * Report rollups (reports/rollups/): rolling settled cases up changes no report's answer, for any
 * period or filter, except time-in-stage's percentiles, which then come from duration histograms
 * within their stated precision.
 */
import { newId } from '../../src/common/ids';
import {
  EscalationTable,
  InstanceTable,
  MessageTable,
  ProcessTable,
  QueueTable,
  ReportCaseRollupTable,
  ReportDecisionRollupTable,
  ReportStageRollupTable,
  StageVisitTable,
  TaskTable,
} from '../../src/database/tables';
import { In, IsNull, Not } from 'typeorm';
import { RollupSweep } from '../../src/reports/rollups/rollup-sweep';
import { addQueueMember, insertInstance, insertPublishedProcess, insertQueue, insertStageVisit, insertTask } from '../support/fixtures';
import { Client, startTestApp, TestApp } from '../support/test-app';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const FIRST_DAY = Date.UTC(2026, 9, 1);
const REPORTS = ['volume', 'caseload', 'time-in-stage', 'overdue', 'stalled', 'decisions', 'escalations', 'outcomes', 'messages'];
/** The histogram's promise (duration-histogram.ts): within 1.1 %, and a millisecond of rounding. */
const PERCENTILE_TOLERANCE = 0.011;

/** Deterministic, so a failure can be run again. */
function randomness(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

interface TimeInStage { processKey: string; stageKey: string; stageName: string; count: number; avgMs: number | null; p50Ms: number | null; p90Ms: number | null }

describe('report rollups', () => {
  let t: TestApp;
  let sweep: RollupSweep;
  let processes: ProcessTable[];
  let reviewer: Client;
  let openCases: InstanceTable[];
  let queueKey: string;

  /** Every report for every filter the reports take: all time, whole months and days, partial days, within a day, a process, a kind. */
  function queries(): string[] {
    const key = processes[0]!.key;
    const periods = [
      '',
      'from=2026-10-02&to=2026-10-04',
      'from=2026-10-02T07:30:00Z&to=2026-10-04T15:00:00Z',
      'from=2026-10-03T01:00:00Z&to=2026-10-03T20:00:00Z',
      'from=2026-10-03T05:00:00Z',
      'to=2026-10-04T05:00:00Z',
      // A whole month (October) from month rows, with and without whole days around it.
      'from=2026-10-01&to=2026-10-31',
      'from=2026-09-20&to=2026-11-03T12:00:00Z',
      'from=2026-10-05T06:00:00Z&to=2026-11-30',
      `processKey=${key}`,
      `processKey=${key}&from=2026-10-01T12:00:00Z&to=2026-10-05T12:00:00Z`,
    ];
    const kinds = ['kind=customer', 'kind=finance&from=2026-10-02T07:30:00Z&to=2026-10-04T15:00:00Z'];
    return [...REPORTS.flatMap((report) => periods.map((period) => `/reports/${report}?${period}`)), ...kinds.map((kind) => `/reports/messages?${kind}`)];
  }

  async function answers(client: Client): Promise<Map<string, unknown[]>> {
    const result = new Map<string, unknown[]>();
    for (const path of queries()) result.set(path, (await client.get(path).expect(200)).body.rows);
    return result;
  }

  function expectSameAnswers(after: Map<string, unknown[]>, before: Map<string, unknown[]>): void {
    for (const [path, rows] of before) {
      if (!path.startsWith('/reports/time-in-stage')) {
        expect({ path, rows: after.get(path) }).toEqual({ path, rows });
        continue;
      }
      const exact = (rows as TimeInStage[]).map(({ p50Ms: _p50, p90Ms: _p90, ...row }) => row);
      expect({ path, rows: (after.get(path) as TimeInStage[]).map(({ p50Ms: _p50, p90Ms: _p90, ...row }) => row) }).toEqual({ path, rows: exact });
      for (const [n, row] of (rows as TimeInStage[]).entries()) {
        const now = (after.get(path) as TimeInStage[])[n]!;
        for (const p of ['p50Ms', 'p90Ms'] as const) {
          expect(Math.abs(now[p]! - row[p]!)).toBeLessThanOrEqual(row[p]! * PERCENTILE_TOLERANCE + 1);
        }
      }
    }
  }

  const rollupRows = async () =>
    (await t.db.manager.count(ReportCaseRollupTable)) + (await t.db.manager.count(ReportStageRollupTable)) + (await t.db.manager.count(ReportDecisionRollupTable));

  beforeAll(async () => {
    t = await startTestApp();
    sweep = t.app.get(RollupSweep);
    const next = randomness(15);
    processes = [await insertPublishedProcess(t), await insertPublishedProcess(t), await insertPublishedProcess(t)];
    const queues: QueueTable[] = [await insertQueue(t), await insertQueue(t)];
    queueKey = queues[1]!.key;
    const { user, client } = await t.createUser('reviewer');
    await addQueueMember(t, queues[0]!.id, user.id);
    reviewer = client;
    openCases = [];
    for (let n = 0; n < 90; n++) {
      const process = processes[n % 3]!;
      const createdAt = FIRST_DAY + Math.floor(next() * 6 * DAY);
      const closed = next() < 0.7;
      const completed = next() < 0.7;
      const status = closed ? (completed ? 'completed' : 'cancelled') : (['active', 'waiting', 'failed'] as const)[n % 3]!;
      const instance = await insertInstance(t, {
        process, createdAt, status,
        currentStageKey: next() < 0.2 ? null : next() < 0.5 ? 'review' : 'approval',
        outcome: closed && completed ? (['approved', 'rejected', null] as const)[Math.floor(next() * 3)]! : null,
        closedAt: closed ? createdAt + 3 * DAY : null,
        stalledAt: !closed && next() < 0.3 ? createdAt + DAY : null,
      });
      if (!closed) openCases.push(instance);
      let enteredAt = createdAt;
      for (const stageKey of ['review', 'approval', 'review']) {
        const duration = Math.floor(next() ** 3 * 2 * DAY);
        const exits = closed || next() < 0.6;
        await insertStageVisit(t, instance, { stageKey, enteredAt, exitedAt: exits ? enteredAt + duration : null });
        if (!exits) break;
        enteredAt += duration;
      }
      for (let k = 0; k < 1 + Math.floor(next() * 3); k++) {
        const decided = next() < 0.7;
        const task = await insertTask(t, instance, queues[k % 2]!, {
          stageKey: next() < 0.1 ? null : k % 2 ? 'approval' : 'review',
          createdAt: createdAt + Math.floor(next() * 2 * DAY),
          status: decided ? 'decided' : closed ? 'cancelled' : 'open',
          decision: decided ? (next() < 0.6 ? 'approve' : 'reject') : null,
          dueAt: createdAt + DAY,
        });
        if (next() < 0.25) await escalate(instance, task.id, createdAt + DAY);
        if (next() < 0.1) await escalate(instance, task.id, createdAt + 2 * DAY);
      }
      if (next() < 0.1) await escalate(instance, null, createdAt + DAY);
      await message(instance.id, createdAt + Math.floor(next() * DAY), next);
    }
    for (let n = 0; n < 5; n++) await message(null, FIRST_DAY + Math.floor(next() * 6 * DAY), next);
  });
  afterAll(() => t.close());

  async function escalate(instance: InstanceTable, taskId: string | null, createdAt: number): Promise<void> {
    await t.db.transaction(() =>
      t.db.insert(EscalationTable, {
        id: newId(), instanceId: instance.id, taskId, ladderStep: null, action: 'escalate', reason: 'late',
        fromQueueId: null, toQueueId: null, fromUserId: null, toUserId: null, priority: null, actor: 'test', createdAt,
      }),
    );
  }

  async function message(instanceId: string | null, createdAt: number, next: () => number): Promise<void> {
    await t.db.transaction(() =>
      t.db.insert(MessageTable, {
        id: newId(), instanceId, templateKey: null, templateVersion: null, channel: 'email', kind: (['customer', 'admin', 'finance'] as const)[Math.floor(next() * 3)]!,
        recipients: ['someone@example.test'], subject: 'Hello', html: '', text: '', attachments: [],
        status: (['sent', 'queued', 'failed'] as const)[Math.floor(next() * 3)]!, error: null, createdAt, sentAt: null,
      }),
    );
  }

  it('answers every report, period and filter as before once the closed cases are rolled up', async () => {
    const before = await answers(t.admin);
    const rolled = await sweep.run();
    expect(rolled).toEqual({
      cases: 90 - openCases.length,
      visits: await t.db.manager.countBy(StageVisitTable, { exitedAt: Not(IsNull()) }),
      decisions: await t.db.manager.countBy(TaskTable, { status: 'decided' }),
      messages: await t.db.manager.countBy(MessageTable, { status: 'sent' }),
    });
    expect(rolled.messages).toBeGreaterThan(0);
    expect(await rollupRows()).toBeGreaterThan(0);
    expectSameAnswers(await answers(t.admin), before);
  });

  it('rolls each case up once: a second run adds nothing', async () => {
    const before = await answers(t.admin);
    const rows = await rollupRows();
    expect(await sweep.run()).toEqual({ cases: 0, visits: 0, decisions: 0, messages: 0 });
    expect(await rollupRows()).toBe(rows);
    expectSameAnswers(await answers(t.admin), before);
  });

  it('picks up a case closed, a visit ended and a task decided after a rollup in the next one', async () => {
    const [first, second, ...others] = openCases.filter((c) => c.status !== 'failed');
    await t.automation.post(`/instances/${first!.id}/complete`).send({ outcome: 'approved' }).expect(200);
    await t.automation.post(`/instances/${second!.id}/cancel`).send({}).expect(200);
    const open = await t.db.manager.findOneByOrFail(TaskTable, { instanceId: In(others.map((c) => c.id)), status: 'open' });
    await t.db.transaction(() => t.db.manager.update(TaskTable, { id: open.id }, { status: 'decided', decision: 'approve', decidedAt: t.clock.now() }));
    // Closing a case ends its current visit.
    const ended = await t.db.manager.countBy(StageVisitTable, { exitedAt: Not(IsNull()), rolledUpAt: IsNull() });
    expect(ended).toBeGreaterThan(0);
    const before = await answers(t.admin);
    expect(await sweep.run()).toEqual({ cases: 2, visits: ended, decisions: 1, messages: 0 });
    expectSameAnswers(await answers(t.admin), before);
  });

  it('picks up a message sent after a rollup in the next one, and leaves failed ones to their rows', async () => {
    const queued = await t.db.manager.findOneByOrFail(MessageTable, { status: 'queued' });
    await t.db.transaction(() => t.db.manager.update(MessageTable, { id: queued.id }, { status: 'sent', sentAt: t.clock.now() }));
    const before = await answers(t.admin);
    expect(await sweep.run()).toEqual({ cases: 0, visits: 0, decisions: 0, messages: 1 });
    expectSameAnswers(await answers(t.admin), before);
    expect(await t.db.manager.countBy(MessageTable, { status: 'failed', rolledUpAt: IsNull() })).toBe(await t.db.manager.countBy(MessageTable, { status: 'failed' }));
  });

  it('refuses to escalate a closed case, whose escalations are rolled up as final', async () => {
    const closed = await t.db.manager.findOneByOrFail(InstanceTable, { status: 'completed' });
    const escalations = await t.db.manager.countBy(EscalationTable, { instanceId: closed.id });
    const res = await t.automation.post('/escalations').send({ instanceId: closed.id, toQueue: queueKey, reason: 'Stuck' }).expect(409);
    expect(res.body.message).toMatch(/cannot be escalated/);
    expect(await t.db.manager.countBy(EscalationTable, { instanceId: closed.id })).toBe(escalations);
  });

  it("leaves a reviewer's reports, counted from their cases' rows, as they were", async () => {
    const [open] = openCases.filter((c) => c.status === 'active');
    await t.automation.post(`/instances/${open!.id}/complete`).send({ outcome: 'approved' }).expect(200);
    const before = await answers(reviewer);
    const all = (before.get('/reports/volume?') as Array<{ count: number }>).reduce((sum, row) => sum + row.count, 0);
    expect(all).toBeGreaterThan(0);
    expect((await sweep.run()).cases).toBe(1);
    expect(await answers(reviewer)).toEqual(before);
  });
});
