import { EventTable, MessageTemplateTable, ProcessTable } from '../../src/database/tables';
import { newId } from '../../src/common/ids';
import { insertQueue } from '../support/fixtures';
import type { Client } from '../support/test-app';
import { startTestApp, TestApp } from '../support/test-app';
import { CLEAN_DECISIONS, CLEAN_FLOW, CLEAN_STAGES, flowWith } from './process-flow.fixtures';

describe('the flow of a process', () => {
  let t: TestApp;
  let designer: Client;

  beforeAll(async () => {
    t = await startTestApp();
    designer = (await t.createUser('designer')).client;
    await insertQueue(t, { key: 'advisors' });
    await insertQueue(t, { key: 'department' });
    const now = t.clock.now();
    const welcome: MessageTemplateTable = { id: newId(), key: 'welcome', version: 1, name: 'Welcome', channel: 'email', kind: 'customer', documents: [], subject: 'Hi', html: '', text: 'Hi', sampleData: {}, createdAt: now };
    await t.db.transaction(() => t.db.insert(MessageTemplateTable, welcome));
  });
  afterAll(() => t.close());

  const uniqueKey = () => `flow-${newId().slice(-8)}`;
  const definition = (key: string, overrides: Record<string, unknown> = {}) => ({
    key,
    name: 'Student referral',
    entityTypes: ['student'],
    stages: CLEAN_STAGES,
    decisions: CLEAN_DECISIONS,
    flow: CLEAN_FLOW,
    ...overrides,
  });
  const rowsOf = (key: string) => t.db.read(() => t.db.manager.find(ProcessTable, { where: { key }, order: { version: 'ASC' } }));
  const eventCount = () => t.db.read(() => t.db.manager.count(EventTable));
  const fieldsOf = (body: { details: Array<{ field: string }> }) => body.details.map((d) => d.field);

  describe('storage', () => {
    it('keeps the flow through create, draft edit, publish and the next draft', async () => {
      const key = uniqueKey();
      const created = await designer.post('/processes').send(definition(key)).expect(201);
      expect(created.body.flow).toEqual(CLEAN_FLOW);

      const moved = flowWith((flow) => (flow.steps[0]!.position = { x: 10, y: 20 }));
      const edited = await designer.patch(`/processes/${key}/draft`).send({ flow: moved }).expect(200);
      expect(edited.body.flow).toEqual(moved);

      const published = await designer.post(`/processes/${key}/publish`).expect(200);
      expect(published.body).toMatchObject({ status: 'published', flow: moved });
      const next = await designer.post(`/processes/${key}/draft`).expect(201);
      expect(next.body).toMatchObject({ version: 2, status: 'draft', flow: moved });
      expect((await designer.get(`/processes/${key}/versions/1`).expect(200)).body.flow).toEqual(moved);
      expect((await rowsOf(key)).map((row) => row.flow)).toEqual([moved, moved]);
    });

    it('leaves the flow alone when an edit does not mention it, and removes it on null', async () => {
      const key = uniqueKey();
      await designer.post('/processes').send(definition(key)).expect(201);
      expect((await designer.patch(`/processes/${key}/draft`).send({ name: 'Renamed' }).expect(200)).body.flow).toEqual(CLEAN_FLOW);
      expect((await designer.patch(`/processes/${key}/draft`).send({ flow: null }).expect(200)).body.flow).toBeNull();
      expect((await rowsOf(key))[0]!.flow).toBeNull();
    });

    it('stores no flow for a definition sent without one, as before the designer', async () => {
      const key = uniqueKey();
      const { flow: _flow, ...withoutFlow } = definition(key);
      const created = await designer.post('/processes').send(withoutFlow).expect(201);
      expect(created.body.flow).toBeNull();
      await designer.post(`/processes/${key}/publish`).expect(200);
    });

    it('records the flow among the changed fields of a draft edit', async () => {
      const key = uniqueKey();
      await designer.post('/processes').send(definition(key, { flow: null })).expect(201);
      await designer.patch(`/processes/${key}/draft`).send({ flow: CLEAN_FLOW }).expect(200);
      const events = await t.db.read(() => t.db.manager.find(EventTable, { order: { seq: 'DESC' }, take: 1 }));
      expect(events[0]).toMatchObject({ type: 'process.draft_updated', data: expect.objectContaining({ key, fields: ['flow'] }) });
    });
  });

  describe('refusals on save', () => {
    it('refuses a malformed flow with field-level 400 and stores nothing', async () => {
      const key = uniqueKey();
      const flow = flowWith((f) => {
        f.steps.push({ id: 'start', kind: 'outcome', outcome: 'twice' });
        (f.steps[2] as unknown as Record<string, unknown>).dueInMinutes = 0;
        (f.steps[7] as unknown as Record<string, unknown>).amount = -2;
      });
      const before = await eventCount();
      const res = await designer.post('/processes').send(definition(key, { flow })).expect(400);
      expect(fieldsOf(res.body)).toEqual(['flow.steps[2].dueInMinutes', 'flow.steps[7].amount', 'flow.steps[11].id']);
      expect(await rowsOf(key)).toEqual([]);
      expect(await eventCount()).toBe(before);
    });

    it('refuses a flow that is not an object with 400', async () => {
      const res = await designer.post('/processes').send(definition(uniqueKey(), { flow: [] })).expect(400);
      expect(fieldsOf(res.body)).toEqual(['flow']);
    });

    it('refuses unknown queues, users, templates, stages and decisions with 400 and keeps the draft as it was', async () => {
      const key = uniqueKey();
      await designer.post('/processes').send(definition(key)).expect(201);
      const flow = flowWith((f) => {
        f.steps.push(
          { id: 'm', kind: 'message', template: 'nope', toQueue: 'ghosts' },
          { id: 'e', kind: 'escalate', reason: 'late', toUser: 'nobody@example.test' },
          { id: 's', kind: 'stage', stageKey: 'limbo' },
          { id: 'd', kind: 'decision', title: 'T', decisions: ['maybe'], queue: 'ghosts' },
        );
      });
      const res = await designer.patch(`/processes/${key}/draft`).send({ flow }).expect(400);
      expect(fieldsOf(res.body)).toEqual([
        'flow.steps[11].toQueue',
        'flow.steps[11].template',
        'flow.steps[12].toUser',
        'flow.steps[13].stageKey',
        'flow.steps[14].queue',
        'flow.steps[14].decisions[0]',
      ]);
      expect((await rowsOf(key))[0]!.flow).toEqual(CLEAN_FLOW);
    });

    it('saves a draft whose flow is unfinished: structure is checked on publish', async () => {
      const key = uniqueKey();
      const unfinished = { steps: [{ id: 'start', kind: 'start' }], links: [] };
      expect((await designer.post('/processes').send(definition(key, { flow: unfinished })).expect(201)).body.flow).toEqual(unfinished);
    });
  });

  describe('publishing', () => {
    it('refuses a draft whose flow has errors with 422 and the problems, changing nothing', async () => {
      const key = uniqueKey();
      const flow = flowWith((f) => (f.links = f.links.filter((link) => link.on !== 'reject')));
      await designer.post('/processes').send(definition(key, { flow })).expect(201);
      const before = await eventCount();
      const res = await designer.post(`/processes/${key}/publish`).expect(422);
      expect(res.body.message).toContain('cannot be published: its flow has 2 problems');
      expect(res.body.problems).toEqual([
        expect.objectContaining({ code: 'decision-without-path', severity: 'error', stepId: 'advisor-decides', message: 'Decision "Reject" of "Advisor review" has no path.' }),
        expect.objectContaining({ code: 'decision-without-path', severity: 'error', stepId: 'department-decides' }),
      ]);
      expect((await rowsOf(key)).map((row) => [row.status, row.publishedAt])).toEqual([['draft', null]]);
      expect(await eventCount()).toBe(before);
    });

    it('publishes a flow that has only warnings', async () => {
      const key = uniqueKey();
      const flow = flowWith((f) => (f.links = f.links.filter((link) => link.on !== 'timedOut')));
      flow.steps = flow.steps.filter((step) => step.id !== 'chase');
      flow.links = flow.links.filter((link) => link.from !== 'chase');
      await designer.post('/processes').send(definition(key, { flow, stages: [...CLEAN_STAGES, { key: 'unused', name: 'Unused' }] })).expect(201);
      await designer.post(`/processes/${key}/publish`).expect(200);
    });
  });
});
