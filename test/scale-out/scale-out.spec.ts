import { loadavg } from 'node:os';
import type { InstanceDetailResponse } from '../../backend/src/instance-detail/instance-detail.service';
import { waitFor } from '../templates/support/wait';
import { allAwaitReview, decide, inBatches, moveTimer, planCase, startCase, type Case } from './support/cases';
import { BUSY, branchWritten, describeCase, eventsOf, findingsOf, runsOf, type CaseFindings } from './support/findings';
import { BRANCHES, PROCESS_KEY, type Decision } from './support/flow';
import { relaunchLost, settleAfterWorkerLoss } from './support/recovery';
import type { Replica } from './support/replicas';
import { LOST_ANSWERS, startTopology, WEBHOOK_PATH, type Topology } from './support/topology';

/**
 * Issue 15: deploy/compose.yaml's topology, run as processes on loopback — n8n main + one worker in
 * queue mode on Redis, two backend replicas (scheduler on in both) on one PostgreSQL database behind a
 * round-robin proxy — through a worker and a replica killed mid-run: every case finishes exactly once,
 * on the branch of its decision. The launches the killed worker was running are lost in n8n (queue mode
 * never runs a stalled job again); the backend marks their cases failed, and they are cancelled and
 * launched again, as an operator would. Findings: docs/deploy.md ("The topology, proven").
 */
const CASES = 40;
let topology: Topology;

beforeAll(async () => {
  topology = await startTopology();
}, 4 * 60_000);

afterAll(async () => {
  await topology?.stop();
});

const instancesLaunched = async (replica: Replica): Promise<number> =>
  (await replica.call<{ items: unknown[] }>(`/instances?processKey=${PROCESS_KEY}&limit=200`)).items.length;

describe('n8n in queue mode with two backend replicas', () => {
  it('finishes every case exactly once, on its branch, through a killed worker and a killed replica', async () => {
    const { n8n, workflow } = topology;
    const [a, b] = topology.replicas;
    const cases: Case[] = Array.from({ length: CASES }, (_, index) => planCase(index));
    const load = [loadavg()[0]!];
    const started = Date.now();

    // Webhooks go to the main, which queues the executions; the worker dies once a quarter of them ran.
    const launching = inBatches(cases, 8, (item) => startCase(n8n.main.baseUrl, WEBHOOK_PATH, item));
    await waitFor('a quarter of the cases launched', async () => (await instancesLaunched(a)) >= CASES / 4, 120_000, 200);
    n8n.killWorker();
    await launching;
    await n8n.startWorker();
    const failed = await settleAfterWorkerLoss(a, n8n, workflow.id, cases, 180_000);
    // The executions the worker was running are lost; the backend said so on their cases, naming them.
    expect(failed.size).toBeGreaterThan(0);
    const { lost, resent } = await relaunchLost(a, n8n.main.baseUrl, WEBHOOK_PATH, cases, failed);
    await waitFor('every case awaiting review', () => allAwaitReview(a, cases), 120_000, 1000);

    // Decisions alternate between the replicas until B is killed; A takes the rest.
    for (const [index, item] of cases.entries()) {
      if (index === CASES / 2) await b.kill();
      await decide(index % 2 === 0 || index >= CASES / 2 ? a : b, item);
    }
    // A case whose timer never shows up says what n8n and the backend hold of it.
    await inBatches(cases, 8, (item) =>
      moveTimer(a, item, 180_000).catch(async (error: Error) => {
        throw new Error(`${error.message}\n${describeCase(await findingsOf(a, n8n.api, item))}`);
      }),
    );

    // Each case's executions as the backend linked them, read one by one: n8n's list of executions has
    // been seen to leave out a finished one that its main still counted as active.
    // A resume the killed replica had leased stays pending until its lease (60 s) runs out and A sends
    // it again: n8n then answers 409 "finished" when it was the execution's last wait (delivered, not
    // taken), and a later wait of the execution supersedes it otherwise.
    const findings = await waitFor('every case through its branch, nothing of it running or waiting, every resume at rest', async () => {
      const found = await Promise.all(cases.map((item) => findingsOf(a, n8n.api, item)));
      const atRest = found.every(
        ({ executions, detail }) =>
          executions.some((e) => e.status === 'success') &&
          executions.every((e) => !BUSY.includes(e.status)) &&
          detail.deliveries.every((d) => d.status !== 'pending'),
      );
      return atRest ? found : undefined;
    }, 240_000, 2000);
    const finishedAt = Math.max(...findings.flatMap(({ executions }) => executions.map((e) => Date.parse(e.stoppedAt ?? ''))));
    load.push(loadavg()[0]!);
    expect(findings.filter((found) => !finishedExactlyOnce(found)).map(describeCase)).toEqual([]);
    // Those include calls whose answers the proxy lost after a replica handled them: sent again, counted once.
    expect(Object.fromEntries(topology.proxy.lost)).toEqual(LOST_ANSWERS);

    // The lost launches: n8n ended each as crashed or error; the cancelled case decided nothing.
    for (const { instanceId, executionId } of lost.values()) {
      expect(['crashed', 'error']).toContain((await n8n.api.getExecution(executionId)).status);
      const cancelled = await a.call<InstanceDetailResponse>(`/instances/${instanceId}`);
      expect({ status: cancelled.status, decided: cancelled.tasks.filter((t) => t.status === 'decided').length }).toEqual({ status: 'cancelled', decided: 0 });
    }
    console.log(
      `scale-out: the killed worker lost ${lost.size + resent.length} launch execution(s): ${lost.size} cases cancelled and relaunched ` +
        `(${[...lost.values()].map((l) => `${l.executionId}: ${l.message}`).join('; ')}), ${resent.length} requests sent again; ` +
        `requests served by replica: ${JSON.stringify([...topology.proxy.served])}`,
    );

    const seconds = (finishedAt - started) / 1000;
    console.log(
      `scale-out: ${CASES} cases (webhook → decision → moved timer → branch) in ${seconds.toFixed(1)} s = ` +
        `${(CASES / seconds).toFixed(2)} cycles/s, with a worker and a replica killed; load ${load.map((l) => l.toFixed(2)).join(' → ')}`,
    );
  }, 10 * 60_000);
});

/**
 * A resume the killed replica had sent but not yet recorded as delivered: the execution went on, and
 * its next wait dead-lettered the still-pending delivery as superseded, so it is never sent twice.
 */
const sentByTheKilledReplica = (delivery: { status: string; lastError: string | null }): boolean =>
  delivery.status === 'dead' && /^superseded: /.test(delivery.lastError ?? '');

/**
 * One execution, finished; the decision's branch ran once (its Relative Delay, its Set node writing the
 * branch) and the other branch not at all; in the backend one task, decided as asked, once; one timer,
 * moved, fired or past as moved; every resume delivered (or superseded, see above); the case not failed.
 */
function finishedExactlyOnce({ item, executions, detail }: CaseFindings): boolean {
  const other: Decision = item.decision === 'approve' ? 'reject' : 'approve';
  const [execution] = executions;
  const timers = detail.timers.filter((t) => t.label === BRANCHES[item.decision].hold);
  const resumes = detail.deliveries.filter((d) => d.kind === 'n8n_resume');
  return (
    executions.length === 1 &&
    execution!.status === 'success' &&
    runsOf(execution!, BRANCHES[item.decision].hold) === 1 &&
    runsOf(execution!, BRANCHES[item.decision].done) === 1 &&
    branchWritten(execution!, item.decision) === item.decision &&
    runsOf(execution!, BRANCHES[other].hold) === 0 &&
    runsOf(execution!, BRANCHES[other].done) === 0 &&
    detail.tasks.length === 1 &&
    detail.tasks[0]!.status === 'decided' &&
    detail.tasks[0]!.decision === item.decision &&
    eventsOf(detail, 'task.decided') === 1 &&
    timers.length === 1 &&
    detail.timers.length === 1 &&
    timers[0]!.moved &&
    timers[0]!.status === (item.move === 'sooner' ? 'fired' : 'past') &&
    resumes.length >= 2 &&
    resumes.every((d) => d.status === 'delivered' || sentByTheKilledReplica(d)) &&
    detail.status !== 'failed'
  );
}
