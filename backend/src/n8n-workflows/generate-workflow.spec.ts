import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { admissionsProcess } from '../../test/support/designed-process.fixture';
import { FlowNotGeneratableError, generateWorkflow } from './generate-workflow';
import { outputsOf, type N8nWorkflowJson, type N8nWorkflowNode } from './workflow-model';

describe('generateWorkflow', () => {
  const workflow = generateWorkflow(admissionsProcess(), { credentialId: 'cred-1' });
  const node = (name: string): N8nWorkflowNode => {
    const found = workflow.nodes.find((candidate) => candidate.name === name);
    if (!found) throw new Error(`no node "${name}" in ${workflow.nodes.map((n) => n.name).join(', ')}`);
    return found;
  };
  const targets = (from: string, wf: N8nWorkflowJson = workflow) => outputsOf(wf, from).map((output) => output.map((target) => target.node));

  it('starts with a POST webhook on caseflow/<key> that answers from a Respond node', () => {
    expect(node('Admissions webhook')).toMatchObject({
      type: 'n8n-nodes-base.webhook',
      typeVersion: 2,
      parameters: { httpMethod: 'POST', path: 'caseflow/admissions', responseMode: 'responseNode' },
    });
    expect(targets('Admissions webhook')).toEqual([['Launch Admissions']]);
  });

  it('launches with Launch Workflow v2 reading the body the UI and callers send, first entity type by default', () => {
    const launch = node('Launch Admissions');
    expect(launch).toMatchObject({ type: 'n8n-nodes-caseflow.launchWorkflow', typeVersion: 2, onError: 'continueErrorOutput' });
    expect(launch.parameters).toMatchObject({
      mode: 'launch',
      whenExists: 'separateOutput',
      processKey: 'admissions',
      entityType: '={{ $json.body.entity?.type || "student" }}',
      entityExternalId: '={{ $json.body.entity?.externalId ?? "" }}',
      entityName: '={{ $json.body.entity?.name ?? "" }}',
      data: '={{ $json.body.data ?? {} }}',
      instanceId: "={{ $json.body.instanceId ?? '' }}",
    });
    expect(launch.parameters).not.toHaveProperty('options.stageKey');
  });

  it('answers a new case 201 with its id and goes on to the first step; an existing case 200; a refusal with its error', () => {
    expect(targets('Launch Admissions')).toEqual([['Answer: created (201)'], ['Answer: exists (200)'], ['Answer: refused']]);
    expect(node('Answer: created (201)').parameters).toMatchObject({ respondWith: 'json', responseBody: '={{ { caseId: $json.caseflow.instanceId } }}', options: { responseCode: 201 } });
    expect(node('Answer: exists (200)').parameters).toMatchObject({ options: { responseCode: 200 } });
    expect(targets('Answer: created (201)')).toEqual([['Stage: Screening']]);
    expect(targets('Answer: exists (200)')).toEqual([]);
  });

  it('turns a stage step into Assign Stage with the stage default owner', () => {
    expect(node('Stage: Screening')).toMatchObject({
      type: 'n8n-nodes-caseflow.assignStage',
      parameters: { instanceId: '={{ $json.caseflow.instanceId }}', stageKey: 'screening', owner: 'stageDefault' },
    });
    expect(node('Invite to interview').parameters).toMatchObject({ stageKey: 'interview' });
  });

  it('turns a decision into Await Decision on the process decisions, in the queue of its stage, timing out when due', () => {
    expect(node('Screen the application')).toMatchObject({
      type: 'n8n-nodes-caseflow.awaitDecision',
      parameters: {
        queue: 'admissions-office',
        title: 'Screen the application',
        decisionSource: 'process',
        processKey: 'admissions',
        processDecisions: ['accept', 'reject'],
        due: 'inMinutes',
        dueInMinutes: 60,
        limitWaitTime: true,
        outputMode: 'perDecision',
        options: { stageKey: 'screening' },
      },
    });
    const verdict = node('Interview verdict').parameters;
    expect(verdict).toMatchObject({ queue: 'panel', due: 'none', options: { stageKey: 'interview' } });
    expect(verdict).not.toHaveProperty('limitWaitTime');
  });

  it('wires Await Decision outputs by `on`: "Timed Out" first, then one per decision in the step order', () => {
    expect(targets('Screen the application')).toEqual([['Escalate'], ['Invite to interview'], ['Withdraw']]);
    expect(targets('Interview verdict')).toEqual([[], ['Wait 2 businessDays before data.startsOn'], ['Withdraw']]);
  });

  it('turns delays, messages, escalations and outcomes into their nodes with the parameter names of the nodes', () => {
    expect(node('Wait 2 businessDays before data.startsOn')).toMatchObject({
      type: 'n8n-nodes-caseflow.relativeDelay',
      parameters: { anchorSource: 'field', anchorField: 'data.startsOn', amount: 2, unit: 'businessDays', direction: 'before' },
    });
    expect(node('Send welcome')).toMatchObject({
      type: 'n8n-nodes-caseflow.sendTemplatedMessage',
      parameters: { source: 'template', templateKey: 'welcome', toEntity: true, toManager: true, recipients: { queue: 'registry', addresses: 'dean@example.test' } },
    });
    expect(node('Escalate')).toMatchObject({
      type: 'n8n-nodes-caseflow.escalate',
      parameters: { target: 'instance', reassignTo: 'queue', toQueue: 'supervisors', priority: 4, reason: 'Nobody screened it in time' },
    });
    expect(node('Complete: admitted')).toMatchObject({ type: 'n8n-nodes-caseflow.caseflow', parameters: { resource: 'instance', operation: 'complete', outcome: 'admitted' } });
    expect(node('Withdraw').parameters).toMatchObject({ resource: 'instance', operation: 'cancel' });
    expect(targets('Complete: admitted')).toEqual([]);
  });

  it('writes only parameters the nodes have, as docs/nodes-reference.md (generated from the node descriptions) names them', () => {
    const reference = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'nodes-reference.md'), 'utf8');
    const parametersByType = new Map<string, Set<string>>();
    for (const section of reference.split('\n## ')) {
      const type = /\*\*Type:\*\* `([^`]+)`/.exec(section)?.[1];
      if (!type) continue;
      const names = [...section.matchAll(/^\| [^|]+ \| `([A-Za-z]+)[^`]*` \|/gm)].map((match) => match[1]!);
      parametersByType.set(type, new Set(names));
    }
    const caseflowNodes = workflow.nodes.filter((n) => n.type.startsWith('n8n-nodes-caseflow.'));
    expect(new Set(caseflowNodes.map((n) => n.type)).size).toBe(7);
    for (const n of caseflowNodes) {
      const known = parametersByType.get(n.type);
      expect(known).toBeDefined();
      for (const name of Object.keys(n.parameters)) expect(`${n.type}.${name}: ${known!.has(name)}`).toBe(`${n.type}.${name}: true`);
    }
  });

  it('sets the Caseflow credential on every Caseflow node and on no other', () => {
    for (const n of workflow.nodes) {
      if (n.type.startsWith('n8n-nodes-caseflow.')) expect(n.credentials).toEqual({ caseflowApi: { id: 'cred-1', name: 'Caseflow' } });
      else expect(n.credentials).toBeUndefined();
    }
  });

  it('gives every node a unique name and id, the designer position when set, and a left-to-right layout otherwise', () => {
    expect(new Set(workflow.nodes.map((n) => n.name)).size).toBe(workflow.nodes.length);
    expect(new Set(workflow.nodes.map((n) => n.id)).size).toBe(workflow.nodes.length);
    expect(node('Interview verdict').position).toEqual([900, 40]);
    const x = (name: string) => (node(name).position as number[])[0]!;
    expect(x('Launch Admissions')).toBeLessThan(x('Stage: Screening'));
    expect(x('Stage: Screening')).toBeLessThan(x('Screen the application'));
  });

  it('numbers repeated labels instead of clashing', () => {
    const process = admissionsProcess();
    process.flow.steps.push({ id: 'chase-again', kind: 'escalate', reason: 'Still nothing' });
    const names = generateWorkflow(process).nodes.map((n) => n.name);
    expect(names).toEqual(expect.arrayContaining(['Escalate', 'Escalate 2']));
  });

  it('refuses a flow without exactly one start, or with a link to no step, or on a decision the step lacks', () => {
    const noStart = admissionsProcess();
    noStart.flow.steps.shift();
    expect(() => generateWorkflow(noStart)).toThrow(FlowNotGeneratableError);
    const badLink = admissionsProcess();
    badLink.flow.links.push({ from: 'welcome', to: 'nowhere' });
    expect(() => generateWorkflow(badLink)).toThrow(/nowhere/);
    const badOn = admissionsProcess();
    badOn.flow.links.push({ from: 'interview-decision', to: 'admitted', on: 'maybe' });
    expect(() => generateWorkflow(badOn)).toThrow(/maybe/);
  });
});
