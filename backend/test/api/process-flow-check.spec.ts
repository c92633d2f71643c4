import { EventTable, MessageTemplateTable, ProcessTable } from '../../src/database/tables';
import { newId } from '../../src/common/ids';
import type { FlowProblem } from '../../src/processes/process-flow';
import { insertQueue } from '../support/fixtures';
import type { Client } from '../support/test-app';
import { startTestApp, TestApp } from '../support/test-app';
import { CLEAN_DECISIONS, CLEAN_FLOW, CLEAN_STAGES, flowWith } from './process-flow.fixtures';

describe('POST /processes/check', () => {
  let t: TestApp;
  let designer: Client;
  let viewer: Client;

  beforeAll(async () => {
    t = await startTestApp();
    designer = (await t.createUser('designer')).client;
    viewer = (await t.createUser('viewer')).client;
    await insertQueue(t, { key: 'advisors' });
    await insertQueue(t, { key: 'department' });
    const welcome: MessageTemplateTable = { id: newId(), key: 'welcome', version: 1, name: 'Welcome', channel: 'email', kind: 'customer', documents: [], subject: 'Hi', html: '', text: 'Hi', sampleData: {}, createdAt: t.clock.now() };
    await t.db.transaction(() => t.db.insert(MessageTemplateTable, welcome));
  });
  afterAll(() => t.close());

  const definition = (overrides: Record<string, unknown> = {}) => ({
    name: 'Student referral',
    entityTypes: ['student'],
    stages: CLEAN_STAGES,
    decisions: CLEAN_DECISIONS,
    flow: CLEAN_FLOW,
    ...overrides,
  });
  const check = async (body: unknown): Promise<{ valid: boolean; problems: FlowProblem[] }> =>
    (await designer.post('/processes/check').send(body as object).expect(200)).body;
  const codes = (problems: FlowProblem[]) => problems.map((problem) => problem.code);

  it('finds a clean three-stage, two-decision flow valid', async () => {
    expect(await check(definition())).toEqual({ valid: true, problems: [] });
  });

  it('checks what exists today for a definition without a flow, key or not', async () => {
    expect(await check(definition({ flow: undefined, key: 'any-key' }))).toEqual({ valid: true, problems: [] });
    expect(await check(definition({ flow: null }))).toEqual({ valid: true, problems: [] });
  });

  it('answers with `invalid` problems for fields the DTO refuses, still checking the flow', async () => {
    const result = await check(definition({ name: '', stages: 'none', key: 'Not A Slug', flow: flowWith((f) => f.steps.shift()) }));
    expect(result.valid).toBe(false);
    expect(result.problems.filter((p) => p.code === 'invalid').map((p) => p.field).sort()).toEqual(['key', 'name', 'stages']);
    expect(codes(result.problems)).toContain('no-start');
  });

  it('answers with `invalid` problems for a malformed flow, pointing at the step', async () => {
    const flow = flowWith((f) => ((f.steps[2] as unknown as Record<string, unknown>).dueInMinutes = -5));
    const { valid, problems } = await check(definition({ flow }));
    expect(valid).toBe(false);
    expect(problems).toEqual([
      expect.objectContaining({ code: 'invalid', severity: 'error', field: 'flow.steps[2].dueInMinutes', stepId: 'advisor-decides' }),
    ]);
  });

  it.each([
    ['unknown-queue', { id: 'q', kind: 'escalate', reason: 'late', toQueue: 'ghosts' }, 'flow.steps[11].toQueue'],
    ['unknown-user', { id: 'q', kind: 'escalate', reason: 'late', toUser: 'ghost@example.test' }, 'flow.steps[11].toUser'],
    ['unknown-template', { id: 'q', kind: 'message', template: 'nope', toEntity: true }, 'flow.steps[11].template'],
    ['unknown-stage', { id: 'q', kind: 'stage', stageKey: 'limbo' }, 'flow.steps[11].stageKey'],
    ['unknown-decision', { id: 'q', kind: 'decision', title: 'T', decisions: ['maybe'] }, 'flow.steps[11].decisions[0]'],
  ])('reports %s with the step and field', async (code, step, field) => {
    const flow = flowWith((f) => f.steps.push(step as (typeof f.steps)[number]));
    const { valid, problems } = await check(definition({ flow }));
    expect(valid).toBe(false);
    expect(problems).toContainEqual(expect.objectContaining({ code, severity: 'error', stepId: 'q', field }));
  });

  it('reports unknown stage owners, calendars and entity types, a stage problem pointing at its stage step', async () => {
    const stages = [{ ...CLEAN_STAGES[0], ownerQueue: 'ghosts', calendar: 'nope' }, ...CLEAN_STAGES.slice(1)];
    const { problems } = await check(definition({ stages, entityTypes: ['martian'], calendarKey: 'lunar' }));
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'unknown-entity-type', field: 'entityTypes[0]' }),
        expect.objectContaining({ code: 'unknown-calendar', field: 'calendarKey' }),
        expect.objectContaining({ code: 'unknown-queue', field: 'stages[0].ownerQueue', stepId: 'advisor' }),
        expect.objectContaining({ code: 'unknown-calendar', field: 'stages[0].calendar', stepId: 'advisor' }),
      ]),
    );
  });

  it.each([
    ['no-start', flowWith((f) => f.steps.shift())],
    ['unreachable', flowWith((f) => f.steps.push({ id: 'island', kind: 'outcome', outcome: 'lost' }))],
    ['decision-without-path', flowWith((f) => (f.links = f.links.filter((link) => link.on !== 'approve')))],
    ['dead-end', flowWith((f) => (f.links = f.links.filter((link) => link.from !== 'wait')))],
    ['missing-outcome', { steps: [{ id: 's', kind: 'start' }, { id: 'a', kind: 'stage', stageKey: 'closing' }], links: [{ from: 's', to: 'a' }] }],
    ['bad-link', flowWith((f) => f.links.push({ from: 'wait', to: 'ghost' }))],
  ])('reports %s as an error', async (code, flow) => {
    const { valid, problems } = await check(definition({ flow }));
    expect(valid).toBe(false);
    expect(problems).toContainEqual(expect.objectContaining({ code, severity: 'error' }));
  });

  it('stays valid with warnings only', async () => {
    const { valid, problems } = await check(definition({ stages: [...CLEAN_STAGES, { key: 'unused', name: 'Unused' }] }));
    expect(valid).toBe(true);
    expect(problems).toEqual([expect.objectContaining({ code: 'unreachable', severity: 'warning', field: 'stages[3]' })]);
  });

  it('takes the largest flow a process may have: 200 steps and 400 links', async () => {
    const steps = [
      { id: 'start', kind: 'start' },
      ...Array.from({ length: 198 }, (_, i) => ({ id: `wait-${i}`, kind: 'delay', label: `Wait ${i}`, anchorField: 'data.due', amount: i, unit: 'days', direction: 'after', position: { x: i, y: i } })),
      { id: 'done', kind: 'outcome', outcome: 'done' },
    ];
    const chain = steps.slice(1).map((step, i) => ({ from: steps[i]!.id, to: step.id }));
    const extra = Array.from({ length: 400 - chain.length }, (_, i) => ({ from: `wait-${i % 198}`, to: 'done' }));
    const { problems } = await check(definition({ flow: { steps, links: [...chain, ...extra] } }));
    expect(codes(problems)).toEqual(expect.arrayContaining(['bad-link']));
    expect(codes(problems)).not.toContain('invalid');
  });

  it('writes nothing', async () => {
    const count = () => t.db.read(async () => [await t.db.manager.count(ProcessTable), await t.db.manager.count(EventTable)]);
    const before = await count();
    await check(definition({ key: 'never-stored' }));
    await check(definition({ flow: flowWith((f) => f.steps.shift()) }));
    expect(await count()).toEqual(before);
  });

  it('refuses a body that is not an object with 400, and callers without processes:write', async () => {
    await designer.post('/processes/check').send([1, 2]).expect(400);
    await viewer.post('/processes/check').send(definition()).expect(403);
    await t.anonymous.post('/processes/check').send(definition()).expect(401);
  });
});
