import { randomUUID } from 'node:crypto';
import { In } from 'typeorm';
import { CURRENT, type Workflow } from '../../n8n';
import { OutboxTable } from '../../../backend/src/database/tables';
import { waitFor } from '../../templates/support/wait';
import { startE2eStack, type E2eStack } from '../support/stack';
import { Flow } from './support/flow';
import { executionsOf, itemsOut, nodesRun, waitForExecutions } from './support/runs';

/**
 * Issue 12 in a real n8n 2.41: a flow that starts from a change to a record — Caseflow Trigger on
 * "Record Updated" of course dates whose status becomes Completed. The backend filters, so updates
 * nobody asked for never reach n8n.
 */
const COURSE_DATE = 'course_date';
let stack: E2eStack;
let workflow: Workflow;

beforeAll(async () => {
  stack = await startE2eStack(CURRENT);
  await stack.backend.admin.post('/entity-types').send({ key: COURSE_DATE, name: 'Course dates' }).expect(201);
  const flow = new Flow('Record trigger: course date completed', stack.credentialId)
    .caseflow(
      'Caseflow Trigger',
      'caseflowTrigger',
      { events: ['entity.updated'], processKey: '', entityType: COURSE_DATE, field: 'status', value: 'Completed' },
      { webhookId: randomUUID() },
    )
    .noOp('Completed')
    .chain('Caseflow Trigger', 'Completed');
  workflow = await stack.n8nApi.createWorkflow(flow.build());
  await stack.n8nApi.activateWorkflow(workflow.id);
  // n8n 2.x runs the trigger's webhook create() a moment after activation answers.
  await waitFor('the trigger subscription', async () => (await admin().get('/webhooks?limit=500').expect(200)).body.items.length > 0, 30_000);
}, 5 * 60_000);

afterAll(async () => {
  await stack?.stop();
});

const admin = () => stack.backend.admin;
const update = (id: string, body: Record<string, unknown>) => admin().patch(`/entities/${id}`).send(body).expect(200);

/** Trigger deliveries the backend queued for the workflow's webhook, whatever their state. */
async function deliveriesToWorkflow(): Promise<OutboxTable[]> {
  const subscriptions = (await admin().get('/webhooks?limit=500').expect(200)).body.items as Array<{ targetUrl: string }>;
  const targets = subscriptions.map((s) => s.targetUrl);
  const db = stack.backend.db;
  return await db.read(() => db.manager.find(OutboxTable, { where: { kind: 'webhook', target: In(targets) } }));
}

describe('Caseflow Trigger on a change to a record', () => {
  it('subscribed with the record type, field and value when the workflow was activated', async () => {
    const subscriptions = (await admin().get('/webhooks?limit=500').expect(200)).body.items;
    expect(subscriptions).toEqual([
      expect.objectContaining({ events: ['entity.updated'], entityType: COURSE_DATE, field: 'attributes.status', value: 'Completed' }),
    ]);
  });

  it('runs once when the status becomes Completed, with before/after on the item; other changes run nothing', async () => {
    const created = await admin()
      .post('/entities')
      .send({ type: COURSE_DATE, externalId: 'CD-2027-03', name: 'Spring course', attributes: { status: 'Booked', room: 'A1' } })
      .expect(201);
    const id = created.body.id as string;
    // Changes the trigger does not ask for: another field, another value, the same value again.
    await update(id, { attributes: { room: 'B2' } });
    await update(id, { attributes: { status: 'Cancelled' } });
    await update(id, { attributes: { status: 'Cancelled' } });
    expect(await deliveriesToWorkflow()).toEqual([]);

    await update(id, { attributes: { status: 'Completed' } });
    const [execution] = await waitForExecutions(stack.n8nApi, workflow.id, (e) => e.status === 'success');
    expect(nodesRun(execution!)).toEqual(['Caseflow Trigger', 'Completed']);
    expect(itemsOut(execution!, 'Caseflow Trigger')).toEqual([
      expect.objectContaining({
        event: 'entity.updated',
        occurredAt: expect.any(String),
        entity: { id, type: COURSE_DATE, externalId: 'CD-2027-03', name: 'Spring course', email: null, managerEmail: null, attributes: { status: 'Completed', room: 'B2' } },
        before: { 'attributes.status': 'Cancelled' },
        after: { 'attributes.status': 'Completed' },
        changed: ['attributes.status'],
      }),
    ]);

    // Completed again, then renamed: still the one run.
    await update(id, { name: 'Spring course (closed)', attributes: { status: 'Completed' } });
    await waitFor('the delivery of the completed status', async () =>
      (await deliveriesToWorkflow()).every((d) => d.status === 'delivered') || undefined);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(await deliveriesToWorkflow()).toHaveLength(1);
    expect(await executionsOf(stack.n8nApi, workflow.id)).toHaveLength(1);
  });
});
