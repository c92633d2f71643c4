import type { N8nStoredWorkflow } from '../templates/n8n-client';
import { admissionsProcess } from '../../test/support/designed-process.fixture';
import { generateWorkflow } from './generate-workflow';
import { mergeWorkflow, recordsOf } from './sync-plan';
import { outputsOf, type N8nWorkflowJson } from './workflow-model';

/** The workflow as n8n would hold it after the first generation, and what was remembered of it. */
function firstGeneration() {
  const generated = generateWorkflow(admissionsProcess(), { credentialId: 'c' });
  const first = mergeWorkflow(generated, null, []);
  const stored: N8nStoredWorkflow = { ...structuredClone(first.workflow), id: 'wf-1', active: true };
  return { stored, records: recordsOf(first.owned, stored) };
}
const targets = (workflow: N8nWorkflowJson, from: string) => outputsOf(workflow, from).map((output) => output.map((t) => t.node));

describe('mergeWorkflow', () => {
  it('plans a creation with every node added when there is no workflow yet', () => {
    const generated = generateWorkflow(admissionsProcess());
    const { plan, workflow } = mergeWorkflow(generated, null, []);
    expect(plan).toMatchObject({ workflowId: null, create: true, update: [], remove: [], overwrite: [], keep: [] });
    expect(plan.add).toHaveLength(generated.nodes.length);
    expect(workflow).toBe(generated);
  });

  it('changes nothing when the design and the workflow did not change', () => {
    const { stored, records } = firstGeneration();
    const { plan } = mergeWorkflow(generateWorkflow(admissionsProcess(), { credentialId: 'c' }), stored, records);
    expect(plan).toEqual({ workflowId: 'wf-1', create: false, add: [], update: [], remove: [], overwrite: [], keep: [] });
  });

  it('keeps a node added by hand, with its connections and the output routed into it', () => {
    const { stored, records } = firstGeneration();
    stored.nodes.push({ id: 'mine', name: 'Post to Slack', type: 'n8n-nodes-base.slack', parameters: { text: 'hi' }, position: [0, 900] });
    const connections = stored.connections as Record<string, { main: Array<Array<{ node: string; type: 'main'; index: number }>> }>;
    connections['Send welcome']!.main[0] = [{ node: 'Post to Slack', type: 'main', index: 0 }];
    connections['Post to Slack'] = { main: [[{ node: 'Complete: admitted', type: 'main', index: 0 }]] };
    const { plan, workflow } = mergeWorkflow(generateWorkflow(admissionsProcess(), { credentialId: 'c' }), stored, records);
    expect(plan.keep).toEqual(['Post to Slack']);
    expect(plan.remove).toEqual([]);
    expect(workflow.nodes.map((n) => n.name)).toContain('Post to Slack');
    expect(targets(workflow, 'Send welcome')).toEqual([['Post to Slack']]);
    expect(targets(workflow, 'Post to Slack')).toEqual([['Complete: admitted']]);
  });

  it('updates a step in place (same node id, the user position), adds new steps and removes dropped ones', () => {
    const { stored, records } = firstGeneration();
    const screening = stored.nodes.find((n) => n.name === 'Stage: Screening')!;
    screening.position = [5, 5];
    const process = admissionsProcess();
    process.flow.steps = process.flow.steps.filter((step) => step.id !== 'chase');
    process.flow.links = process.flow.links.filter((link) => link.from !== 'chase' && link.to !== 'chase');
    process.flow.steps.push({ id: 'notify', kind: 'message', template: 'rejected' });
    process.flow.links.push({ from: 'screen-decision', to: 'notify', on: 'timedOut' }, { from: 'notify', to: 'rejected' });
    const screen = process.flow.steps.find((step) => step.id === 'screen');
    if (screen?.kind === 'stage') screen.label = 'Screening stage';
    const { plan, workflow } = mergeWorkflow(generateWorkflow(process, { credentialId: 'c' }), stored, records);
    expect(plan.add).toEqual(['Send rejected']);
    expect(plan.remove).toEqual(['Escalate']);
    expect(plan.update).toContain('Screening stage');
    expect(workflow.nodes.find((n) => n.name === 'Screening stage')).toMatchObject({ id: screening.id, position: [5, 5] });
    expect(workflow.nodes.map((n) => n.name)).not.toContain('Escalate');
    expect(targets(workflow, 'Screen the application')[0]).toEqual(['Send rejected']);
  });

  it('lists a generated node changed by hand in n8n under overwrite, naming the parameters changed', () => {
    const { stored, records } = firstGeneration();
    const decision = stored.nodes.find((n) => n.name === 'Screen the application')!;
    decision.parameters = { ...decision.parameters, title: 'Screen it carefully', priority: 4 };
    const { plan } = mergeWorkflow(generateWorkflow(admissionsProcess(), { credentialId: 'c' }), stored, records);
    expect(plan.overwrite).toEqual([{ node: 'Screen the application', parameters: ['priority', 'title'] }]);
    expect(plan.update).toEqual(['Screen the application']);
  });

  it('does not call a hand change an overwrite when the new design writes the same values', () => {
    const { stored, records } = firstGeneration();
    const process = admissionsProcess();
    const step = process.flow.steps.find((s) => s.id === 'screen-decision');
    if (step?.kind === 'decision') step.title = 'Screen it carefully';
    const decision = stored.nodes.find((n) => n.name === 'Screen the application')!;
    decision.parameters = { ...decision.parameters, title: 'Screen it carefully' };
    const { plan } = mergeWorkflow(generateWorkflow(process, { credentialId: 'c' }), stored, records);
    expect(plan.overwrite).toEqual([]);
  });

  it('does not count a parameter the n8n editor left out (at its default) as a hand change', () => {
    const { stored, records } = firstGeneration();
    const decision = stored.nodes.find((n) => n.name === 'Screen the application')!;
    const { fields: _fields, instructions: _instructions, ...rest } = decision.parameters;
    decision.parameters = rest;
    const { plan } = mergeWorkflow(generateWorkflow(admissionsProcess(), { credentialId: 'c' }), stored, records);
    expect(plan.overwrite).toEqual([]);
    expect(plan.update).toEqual(['Screen the application']);
  });

  it('renames a generated node whose name a hand-made node took', () => {
    const { stored, records } = firstGeneration();
    stored.nodes.push({ id: 'mine', name: 'Send rejected', type: 'n8n-nodes-base.noOp', parameters: {} });
    const process = admissionsProcess();
    process.flow.steps.push({ id: 'notify', kind: 'message', template: 'rejected' });
    const { plan } = mergeWorkflow(generateWorkflow(process), stored, records);
    expect(plan.add).toEqual(['Send rejected 2']);
    expect(plan.keep).toEqual(['Send rejected']);
  });
});
