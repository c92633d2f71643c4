import { verifySignature } from '../../src/common/signing';
import { OutboxTable } from '../../src/database/tables';
import { OutboxWorker } from '../../src/outbox/outbox.worker';
import { Receiver } from '../support/receiver';
import { launchWithTask, setUpReferralProcess } from '../support/scenario';
import { startTestApp, TestApp } from '../support/test-app';

describe('outbox delivery', () => {
  let t: TestApp;
  let receiver: Receiver;
  let worker: OutboxWorker;
  beforeAll(async () => {
    t = await startTestApp();
    await setUpReferralProcess(t.admin);
    receiver = await Receiver.start();
    worker = t.app.get(OutboxWorker);
  });
  afterAll(async () => {
    await receiver.close();
    await t.close();
  });

  const decided = async (n: string) => {
    const { task } = await launchWithTask(t.automation, n, { resumeUrl: `${receiver.url}/webhook-waiting/${n}` });
    await t.automation.post(`/tasks/${task.id}/decide`).send({ decision: 'accept' }).expect(200);
    return t.db.read(() => t.db.manager.findOneByOrFail(OutboxTable, { idempotencyKey: `task:${task.id}:decided` }));
  };
  const reload = (id: string) => t.db.read(() => t.db.manager.findOneByOrFail(OutboxTable, { id }));
  /** Moves the clock past the row's next attempt and runs one worker pass. */
  const retryNow = async (id: string) => {
    t.clock.set((await reload(id)).nextAttemptAt + 1);
    return worker.drain();
  };

  it('retries a failing receiver with growing delays and delivers once it recovers', async () => {
    receiver.answer([503, 503]);
    const before = receiver.calls.length;
    const row = await decided('recover');
    await worker.drain();
    let now = await reload(row.id);
    expect(now).toMatchObject({ status: 'pending', attempts: 1 });
    expect(now.lastError).toMatch(/503/);
    const firstDelay = now.nextAttemptAt - t.clock.now();
    expect(firstDelay).toBeGreaterThanOrEqual(500);
    expect(await worker.drain()).toBe(0);

    await retryNow(row.id);
    now = await reload(row.id);
    expect(now.attempts).toBe(2);
    expect(now.nextAttemptAt - t.clock.now()).toBeGreaterThanOrEqual(1000);

    await retryNow(row.id);
    expect(await reload(row.id)).toMatchObject({ status: 'delivered', attempts: 3, lastError: null });
    const calls = receiver.calls.slice(before);
    expect(calls).toHaveLength(3);
    expect(new Set(calls.map((c) => c.headers['x-caseflow-idempotency-key']))).toEqual(new Set([row.idempotencyKey]));
  });

  it('signs every delivery so the receiver can verify body and time', async () => {
    receiver.answer([]);
    const before = receiver.calls.length;
    await decided('signed');
    await worker.drain();
    const call = receiver.calls[before]!;
    const timestamp = Number(call.headers['x-caseflow-timestamp']);
    expect(verifySignature('test-signing-secret', timestamp, call.body, String(call.headers['x-caseflow-signature']))).toBe(true);
    expect(verifySignature('test-signing-secret', timestamp, call.body.replace('accept', 'close'), String(call.headers['x-caseflow-signature']))).toBe(false);
    expect(JSON.parse(call.body)).toMatchObject({ kind: 'decision', decision: 'accept' });
  });

  it('dead-letters after the last attempt, shows it, and delivers it again on retry', async () => {
    receiver.answer([], 500);
    const row = await decided('dead');
    await worker.drain();
    for (let attempt = 2; attempt <= row.maxAttempts; attempt++) await retryNow(row.id);
    expect(await reload(row.id)).toMatchObject({ status: 'dead', attempts: row.maxAttempts });

    const dead = await t.admin.get('/outbox?status=dead').expect(200);
    const listed = dead.body.items.find((d: { id: string }) => d.id === row.id);
    expect(listed).toMatchObject({ kind: 'n8n_resume', status: 'dead', attempts: 8, target: receiver.url });
    expect(listed.lastError).toMatch(/500/);

    receiver.answer([]);
    await t.admin.post(`/outbox/${row.id}/retry`).expect(200).expect((r) => expect(r.body.status).toBe('pending'));
    await worker.drain();
    expect(await reload(row.id)).toMatchObject({ status: 'delivered', attempts: 1 });
    await t.admin.post(`/outbox/${row.id}/retry`).expect(409);
  });

  it('dead-letters a refusal (4xx) at once instead of retrying it', async () => {
    receiver.answer([401]);
    const row = await decided('refused');
    await worker.drain();
    expect(await reload(row.id)).toMatchObject({ status: 'dead', attempts: 1 });
  });

  it('keeps retrying a resume while n8n restarts: "starting up" and 404 until its routes are mounted', async () => {
    receiver.answer([[200, 'n8n is starting up. Please wait'], [404, '<html>Cannot POST</html>'], [404, '{"message":"not registered"}']]);
    const row = await decided('restarting');
    await worker.drain();
    expect(await reload(row.id)).toMatchObject({ status: 'pending', attempts: 1, lastError: expect.stringMatching(/starting up/) });
    await retryNow(row.id);
    expect(await reload(row.id)).toMatchObject({ status: 'pending', attempts: 2, lastError: expect.stringMatching(/404/) });
    await retryNow(row.id);
    await retryNow(row.id);
    expect(await reload(row.id)).toMatchObject({ status: 'delivered', attempts: 4 });
  });

  it('counts n8n answering 409 (no longer waiting) as delivered', async () => {
    receiver.answer([409]);
    const row = await decided('finished');
    await worker.drain();
    expect(await reload(row.id)).toMatchObject({ status: 'delivered' });
  });

  it('tries a resume again when n8n answers 409 because the execution is still running towards its wait', async () => {
    receiver.answer([[409, '{"code":409,"message":"The execution \\"7\\" is running already."}']]);
    const row = await decided('not-yet-waiting');
    const failedAt = t.clock.now();
    await worker.drain();
    const pending = await reload(row.id);
    expect(pending).toMatchObject({ status: 'pending', attempts: 1, lastError: expect.stringMatching(/running already/) });
    // Soon, not after the configured backoff: the execution is being parked at its wait right now.
    expect(pending.nextAttemptAt - failedAt).toBeLessThanOrEqual(100);
    await retryNow(row.id);
    expect(await reload(row.id)).toMatchObject({ status: 'delivered', attempts: 2 });
  });

  it('keeps the outbox to admins and answers 404 for an unknown delivery', async () => {
    await t.automation.get('/outbox').expect(403);
    await t.admin.post('/outbox/00000000-0000-4000-8000-000000000000/retry').expect(404);
    await t.admin.get('/outbox?status=lost').expect(400);
  });
});
