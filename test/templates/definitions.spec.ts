import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INodeTypeDescription } from 'n8n-workflow';
import { AssignStage } from '../../nodes/AssignStage/AssignStage.node';
import { AwaitDecision } from '../../nodes/AwaitDecision/AwaitDecision.node';
import { Caseflow } from '../../nodes/Caseflow/Caseflow.node';
import { CaseflowTrigger } from '../../nodes/CaseflowTrigger/CaseflowTrigger.node';
import { Escalate } from '../../nodes/Escalate/Escalate.node';
import { LaunchWorkflow } from '../../nodes/LaunchWorkflow/LaunchWorkflow.node';
import { RelativeDelay } from '../../nodes/RelativeDelay/RelativeDelay.node';
import { SendTemplatedMessage } from '../../nodes/SendTemplatedMessage/SendTemplatedMessage.node';
import type { IntakeField } from '../../backend/src/database/tables';
import { checkIntake } from '../../backend/src/processes/intake';
import { readTemplate } from '../../backend/src/templates/template-files';
import { startTestApp, type TestApp } from '../../backend/test/support/test-app';
import { unansweredPaths } from './support/answered-paths';

const TEMPLATES_DIR = join(__dirname, '..', '..', 'templates');
const NAMES = readdirSync(TEMPLATES_DIR).filter((name) => !name.includes('.')).sort();

interface SampleBody {
  entity: { name?: string; email?: string; managerEmail?: string; attributes?: Record<string, unknown> };
  data: Record<string, unknown>;
}

/** sample-data.json is one webhook body, or one per process keyed by the end of its key (onboarding, offboarding). */
function sampleFor(name: string, processKey: string): SampleBody | undefined {
  const samples = JSON.parse(readFileSync(join(TEMPLATES_DIR, name, 'sample-data.json'), 'utf8')) as SampleBody | Record<string, SampleBody>;
  if ('entity' in samples) return samples as SampleBody;
  return Object.entries(samples as Record<string, SampleBody>).find(([key]) => processKey.endsWith(key))?.[1];
}

const NODES = new Map<string, INodeTypeDescription>(
  [AssignStage, AwaitDecision, Caseflow, CaseflowTrigger, Escalate, LaunchWorkflow, RelativeDelay, SendTemplatedMessage].map((Node) => {
    const description = new Node().description;
    return [`n8n-nodes-caseflow.${description.name}`, description];
  }),
);

describe.each(NAMES)('template %s', (name) => {
  it('uses only Caseflow nodes and parameters that exist, with the credential placeholder', async () => {
    const template = await readTemplate(TEMPLATES_DIR, name);
    expect(template.workflows.length).toBeGreaterThan(0);
    for (const { file, workflow } of template.workflows) {
      const names = new Set(workflow.nodes.map((node) => node.name));
      for (const [from, outputs] of Object.entries(workflow.connections)) {
        expect({ file, from, known: names.has(from) }).toEqual({ file, from, known: true });
        for (const targets of (outputs as { main: Array<Array<{ node: string }>> }).main) {
          for (const target of targets) expect({ file, target: target.node, known: names.has(target.node) }).toEqual({ file, target: target.node, known: true });
        }
      }
      for (const node of workflow.nodes.filter((n) => n.type.startsWith('n8n-nodes-caseflow.'))) {
        const description = NODES.get(node.type);
        expect({ file, node: node.name, type: node.type, known: description !== undefined }).toMatchObject({ known: true });
        const properties = new Set(description!.properties.map((p) => p.name));
        const unknown = Object.keys(node.parameters).filter((key) => !properties.has(key));
        expect({ file, node: node.name, unknown }).toEqual({ file, node: node.name, unknown: [] });
        expect(Object.keys(node.credentials ?? {})).toEqual(['caseflowApi']);
      }
    }
  });

  it('answers every webhook caller before its flow waits, from Launch Workflow v2 and its error output alike', async () => {
    const template = await readTemplate(TEMPLATES_DIR, name);
    for (const { file, workflow } of template.workflows) {
      const hooks = workflow.nodes.filter((node) => node.type === 'n8n-nodes-base.webhook');
      expect({ file, modes: hooks.map((hook) => hook.parameters.responseMode) }).toEqual({ file, modes: hooks.map(() => 'responseNode') });
      // A flow started by a Caseflow Trigger has no caller to answer: its failures stay failed executions.
      const launches = hooks.length === 0 ? [] : workflow.nodes.filter((node) => node.type === 'n8n-nodes-caseflow.launchWorkflow');
      expect({ file, launches: launches.map((node) => [node.typeVersion, node.onError]) }).toEqual({
        file,
        launches: launches.map(() => [2, 'continueErrorOutput']),
      });
      for (const hook of hooks) expect({ file, unanswered: unansweredPaths(workflow, hook.name) }).toEqual({ file, unanswered: [] });
    }
  });

  it('declares an intake that its sample data passes', async () => {
    const template = await readTemplate(TEMPLATES_DIR, name);
    for (const { definition } of template.processes) {
      const key = String(definition.key);
      const intake = (definition.intake ?? []) as IntakeField[];
      const sample = sampleFor(name, key);
      expect({ key, fields: intake.length > 0, sample: sample !== undefined }).toEqual({ key, fields: true, sample: true });
      const values = { data: sample!.data, entity: { ...sample!.entity, attributes: sample!.entity.attributes ?? {} } };
      expect({ key, problems: checkIntake(intake, values) }).toEqual({ key, problems: [] });
    }
  });

  it('names only message templates it ships', async () => {
    const template = await readTemplate(TEMPLATES_DIR, name);
    const shipped = new Set(template.messages.map((m) => m.key));
    const used = template.workflows.flatMap(({ workflow }) =>
      workflow.nodes.flatMap((node) => [node.parameters.templateKey, node.parameters.notifyTemplate].filter((v): v is string => typeof v === 'string' && v !== '')),
    );
    const ladder = template.processes.flatMap((p) =>
      ((p.definition.stages as Array<{ escalation?: Array<{ template?: string }> }>) ?? []).flatMap((s) => (s.escalation ?? []).map((e) => e.template).filter(Boolean)),
    );
    expect([...used, ...ladder].filter((key) => !shipped.has(key!))).toEqual([]);
    for (const message of template.messages) expect(message.html && message.text).toBeTruthy();
  });
});

describe('POST /templates/:name/install', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const snapshot = async () => {
    const list = async (path: string) => (await t.admin.get(path)).body as { items: Array<Record<string, unknown>>; total: number };
    const processes = (await list('/processes?limit=200')).items;
    const versions: Record<string, number> = {};
    for (const p of processes) versions[String(p.key)] = (await list(`/processes/${String(p.key)}/versions?limit=200`)).total;
    const templates = (await list('/message-templates?limit=200')).items;
    const templateVersions: Record<string, number> = {};
    for (const m of templates) templateVersions[String(m.key)] = (await list(`/message-templates/${String(m.key)}/versions?limit=200`)).total;
    return {
      queues: (await list('/queues?limit=200')).items.map((q) => [q.key, q.name, q.supervisorQueueKey]).sort(),
      calendars: (await list('/calendars?limit=200')).items.map((c) => c.key).sort(),
      versions,
      templateVersions,
    };
  };

  it('lists the bundled templates, none installed yet', async () => {
    const res = await t.admin.get('/templates').expect(200);
    expect(res.body.map((x: { name: string }) => x.name)).toEqual(NAMES);
    expect(res.body.every((x: { installed: boolean }) => !x.installed)).toBe(true);
    // The gallery draws each template's processes before install: their definitions come with the list.
    for (const listed of res.body as Array<{ name: string; processes: Array<{ key: string; stages: Array<{ key: string }> }> }>) {
      const files = await readTemplate(TEMPLATES_DIR, listed.name);
      expect(listed.processes.map((p) => p.key)).toEqual(files.processes.map((p) => String(p.definition.key)));
      expect(listed.processes[0]!.stages.map((s) => s.key)).toEqual((files.processes[0]!.definition.stages as Array<{ key: string }>).map((s) => s.key));
    }
  });

  it.each(NAMES)('installs %s, and installing it again changes nothing', async (name) => {
    const first = await t.admin.post(`/templates/${name}/install`).expect(200);
    expect(first.body.processes.every((p: { version: number }) => p.version >= 1)).toBe(true);
    expect(first.body.n8n).toBe('not configured');
    for (const { definition } of (await readTemplate(TEMPLATES_DIR, name)).processes) {
      const installed = await t.admin.get(`/processes/${String(definition.key)}`).expect(200);
      const intake = definition.intake as IntakeField[];
      expect(installed.body.intake).toEqual(intake.map((field) => ({ required: false, ...field })));
    }
    const before = await snapshot();
    const second = await t.admin.post(`/templates/${name}/install`).expect(200);
    for (const part of ['calendars', 'queues', 'messageTemplates', 'processes']) {
      expect(second.body[part].map((i: { change: string }) => i.change).filter((c: string) => c !== 'unchanged')).toEqual([]);
    }
    expect(await snapshot()).toEqual(before);
    const listed = (await t.admin.get('/templates').expect(200)).body.find((x: { name: string }) => x.name === name);
    expect(listed.installed).toBe(true);
  });

  it('refuses a reviewer (403) and an unknown template (404), writing nothing', async () => {
    const before = (await t.admin.get('/queues?limit=200')).body.total;
    const { client } = await t.createUser('reviewer');
    await client.post('/templates/bookings/install').expect(403);
    await t.admin.post('/templates/no-such-template/install').expect(404);
    expect((await t.admin.get('/queues?limit=200')).body.total).toBe(before);
  });
});

describe('bookings: a booking without data.bookedAt', () => {
  /** The Relative Delay's anchor field as n8n works it out for an item carrying this case's data. */
  const confirmationAnchor = async (data: Record<string, unknown>): Promise<unknown> => {
    const template = await readTemplate(TEMPLATES_DIR, 'bookings');
    const flow = template.workflows.find(({ file }) => file.endsWith('booking.json'))!.workflow;
    const expression = String(flow.nodes.find((node) => node.name === '2 minutes after booking')!.parameters.anchorField);
    const body = /^=\{\{([\s\S]*)\}\}$/.exec(expression)?.[1];
    if (body === undefined) return expression;
    return new Function('$json', `return (${body});`)({ caseflow: { instanceId: 'case-1', data } }) as unknown;
  };

  it('passes the intake, so it starts a case', async () => {
    const template = await readTemplate(TEMPLATES_DIR, 'bookings');
    const intake = (template.processes[0]!.definition.intake ?? []) as IntakeField[];
    const sample = sampleFor('bookings', 'bookings')!;
    const { bookedAt: _omitted, ...data } = sample.data;
    expect(checkIntake(intake, { data, entity: { ...sample.entity, attributes: sample.entity.attributes ?? {} } })).toEqual([]);
  });

  it('is confirmed 2 minutes after its case was created; a booking time, when given, still counts', async () => {
    expect(await confirmationAnchor({ courseTitle: 'First Aid at Work' })).toBe('instance.createdAt');
    expect(await confirmationAnchor({ bookedAt: '2026-12-01T10:15:00Z' })).toBe('data.bookedAt');
  });
});
