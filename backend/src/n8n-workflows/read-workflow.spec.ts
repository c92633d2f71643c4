import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FlowStep } from '../processes/process-flow';
import { admissionsProcess } from '../../test/support/designed-process.fixture';
import { generateWorkflow } from './generate-workflow';
import { readWorkflow, WorkflowShapeError } from './read-workflow';
import type { N8nWorkflowJson } from './workflow-model';

const TEMPLATES = join(__dirname, '..', '..', '..', 'templates');
const templateWorkflows = (): Array<[string, N8nWorkflowJson]> =>
  readdirSync(TEMPLATES).flatMap((template) => {
    const dir = join(TEMPLATES, template, 'workflows');
    let files: string[] = [];
    try {
      files = readdirSync(dir).filter((file) => file.endsWith('.json'));
    } catch {
      return [];
    }
    return files.map((file): [string, N8nWorkflowJson] => [`${template}/${file}`, JSON.parse(readFileSync(join(dir, file), 'utf8')) as N8nWorkflowJson]);
  });

/** What a round trip must keep of a step: its kind and the keys it refers to. */
function keysOf(step: FlowStep): Record<string, unknown> {
  switch (step.kind) {
    case 'stage':
      return { id: step.id, kind: step.kind, stageKey: step.stageKey };
    case 'decision':
      return { id: step.id, kind: step.kind, decisions: step.decisions, dueInMinutes: step.dueInMinutes };
    case 'delay':
      return { id: step.id, kind: step.kind, anchorField: step.anchorField, amount: step.amount, unit: step.unit, direction: step.direction };
    case 'message':
      return { id: step.id, kind: step.kind, template: step.template };
    case 'escalate':
      return { id: step.id, kind: step.kind, toQueue: step.toQueue, priority: step.priority };
    case 'outcome':
      return { id: step.id, kind: step.kind, outcome: step.outcome };
    default:
      return { id: step.id, kind: step.kind };
  }
}
const sortedLinks = (links: Array<{ from: string; to: string; on?: string }>) =>
  links.map((link) => `${link.from} -> ${link.to}${link.on ? ` on ${link.on}` : ''}`).sort();

describe('readWorkflow', () => {
  it('reads a generated workflow back into the same steps and links (round trip)', () => {
    const process = admissionsProcess();
    const { flow } = readWorkflow(generateWorkflow(process, { credentialId: 'c' }));
    expect(flow.steps.map(keysOf)).toEqual(process.flow.steps.map(keysOf));
    expect(sortedLinks(flow.links)).toEqual(sortedLinks(process.flow.links));
  });

  it('labels steps with their node names and places them where the nodes are', () => {
    const { flow } = readWorkflow(generateWorkflow(admissionsProcess()));
    expect(flow.steps.find((step) => step.id === 'interview-decision')).toMatchObject({ label: 'Interview verdict', position: { x: 900, y: 40 }, queue: 'panel' });
  });

  it('passes links through nodes that are not steps, keeping the decision output they left from', () => {
    const { flow, nodes } = readWorkflow(load('student-referrals/student-referral.json'));
    const id = (name: string) => nodes.find((node) => node.name === name)!.stepId!;
    expect(flow.links).toEqual(
      expect.arrayContaining([
        { from: id('Launch referral'), to: id('Launch referral: enter first stage') },
        { from: id('Launch referral'), to: id('Tell student: received') },
        { from: id('Advisor review'), to: id('Counselling stage'), on: 'counselling' },
        { from: id('Advisor review'), to: id('Tell student: closed'), on: 'close' },
      ]),
    );
    expect(flow.steps.find((step) => step.id === id('Advisor review'))).toMatchObject({ kind: 'decision', decisions: ['accept', 'counselling', 'close'], queue: 'student-advisors', stageKey: 'advisor-review' });
    expect(nodes.find((node) => node.name === 'Answer: exists (200)')).toMatchObject({ stepId: null });
    expect(flow.steps.filter((step) => step.kind === 'start')).toHaveLength(1);
  });

  it('draws a follow-up flow from its find-mode launch and passes through case reads and data updates', () => {
    const { flow, nodes } = readWorkflow(load('bookings/booking-cancellation.json'));
    const start = flow.steps.find((step) => step.kind === 'start')!;
    expect(start.label).toBe('Find booking');
    expect(nodes.find((node) => node.name === 'Record cancellation')).toMatchObject({ stepId: null, note: expect.stringContaining('updates the case data') });
    expect(flow.steps.find((step) => step.label === 'Cancel booking case')).toMatchObject({ kind: 'outcome', outcome: 'cancelled' });
    expect(flow.links).toContainEqual({ from: start.id, to: flow.steps.find((step) => step.label === '2 minutes after cancellation')!.id });
  });

  it.each(templateWorkflows())('accounts for every Caseflow node of the shipped template %s', (_file, workflow) => {
    const { flow, nodes } = readWorkflow(workflow);
    const caseflowNodes = workflow.nodes.filter((node) => node.type.startsWith('n8n-nodes-caseflow.'));
    expect(caseflowNodes.length).toBeGreaterThan(0);
    for (const node of caseflowNodes) {
      const summary = nodes.find((candidate) => candidate.name === node.name);
      expect(summary).toBeDefined();
      expect(summary!.stepId !== null || summary!.note.length > 0).toBe(true);
      if (summary!.stepId) expect(flow.steps.map((step) => step.id)).toContain(summary!.stepId);
    }
    expect(nodes).toHaveLength(workflow.nodes.length);
    expect(flow.steps.filter((step) => step.kind === 'start')).toHaveLength(1);
    const ids = new Set(flow.steps.map((step) => step.id));
    for (const link of flow.links) expect(ids.has(link.from) && ids.has(link.to)).toBe(true);
  });

  it('notes a second trigger and draws it as a pass-through, keeping one start', () => {
    const workflow = generateWorkflow(admissionsProcess());
    workflow.nodes.push({ name: 'On stall', type: 'n8n-nodes-caseflow.caseflowTrigger', parameters: { events: ['instance.stalled'] } });
    workflow.connections['On stall'] = { main: [[{ node: 'Escalate', type: 'main', index: 0 }]] };
    const { flow, nodes } = readWorkflow(workflow);
    expect(flow.steps.filter((step) => step.kind === 'start')).toHaveLength(1);
    expect(nodes.find((node) => node.name === 'On stall')).toMatchObject({ stepId: null, note: expect.stringContaining('not the start') });
  });

  it('reads malformed connections as no connection instead of failing', () => {
    const workflow = generateWorkflow(admissionsProcess());
    workflow.connections['Stage: Screening'] = { main: 'everywhere' };
    workflow.connections['Screen the application'] = { main: [null, [{ node: 7 }], 'x'] };
    const { flow } = readWorkflow(workflow);
    expect(flow.links.filter((link) => link.from === 'screen' || link.from === 'screen-decision')).toEqual([]);
  });

  it('refuses what is not a workflow with a clear message', () => {
    expect(() => readWorkflow('nope')).toThrow(WorkflowShapeError);
    expect(() => readWorkflow({ nodes: [{ name: 'x' }] })).toThrow('nodes[0] needs a "name" and a "type"');
    expect(() => readWorkflow({ nodes: [], connections: [] })).toThrow('"connections" must be an object');
  });
});

function load(file: string): N8nWorkflowJson {
  const [template, name] = file.split('/');
  return JSON.parse(readFileSync(join(TEMPLATES, template!, 'workflows', name!), 'utf8')) as N8nWorkflowJson;
}
