import { withWebhookBase } from './workflow-installer';

describe('withWebhookBase', () => {
  const workflow = {
    name: 'Form',
    nodes: [
      { name: 'Hand over', type: 'n8n-nodes-base.httpRequest', parameters: { url: '__CASEFLOW_WEBHOOK_BASE__/caseflow-student-referral', method: 'POST' } },
      { name: 'Other', type: 'n8n-nodes-base.noOp', parameters: {} },
    ],
    connections: {},
  };

  it("puts n8n's webhook address where a template names the placeholder", () => {
    const installed = withWebhookBase(workflow, 'http://n8n.example.test:5678/webhook');
    expect(installed.nodes[0]!.parameters.url).toBe('http://n8n.example.test:5678/webhook/caseflow-student-referral');
    expect(installed.nodes[1]).toEqual(workflow.nodes[1]);
  });

  it('leaves a workflow without the placeholder as it is', () => {
    const plain = { ...workflow, nodes: [workflow.nodes[1]!] };
    expect(withWebhookBase(plain, 'http://x/webhook')).toBe(plain);
  });
});
