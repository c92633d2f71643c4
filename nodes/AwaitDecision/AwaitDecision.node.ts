import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { getProcessDecisions, getProcesses, getQueues, getStages } from '../shared/load-options';
import { RESUME_WEBHOOK } from '../shared/resume-url';
import { CREDENTIAL_TYPE } from '../shared/transport';
import { awaitDecisionProperties } from './description';
import { awaitDecisionOutputs } from './outputs';
import { resumeWithDecision } from './resume.operation';
import { createTaskAndWait } from './wait.operation';

/*
 * Deliberate exceptions (see docs/nodes.md): not usable as an AI tool, since it pauses the whole execution;
 * and its webhook is n8n's resume webhook (restartWebhook), which needs no registration lifecycle.
 */
// eslint-disable-next-line @n8n/community-nodes/node-usable-as-tool, @n8n/community-nodes/webhook-lifecycle-complete
export class AwaitDecision implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Await Decision',
		name: 'awaitDecision',
		icon: { light: 'file:caseflow.svg', dark: 'file:caseflow.dark.svg' },
		group: ['organization'],
		version: 1,
		subtitle: '={{ "in queue " + $parameter["queue"] }}',
		description: 'Create a review task in a Caseflow queue, pause, and continue on the output of the decision made',
		defaults: { name: 'Await Decision' },
		inputs: [NodeConnectionTypes.Main],
		outputs: `={{(${awaitDecisionOutputs})($parameter)}}`,
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		webhooks: [RESUME_WEBHOOK],
		properties: awaitDecisionProperties,
	};

	methods = { loadOptions: { getQueues, getProcesses, getProcessDecisions, getStages } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await createTaskAndWait.call(this);
	}

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await resumeWithDecision.call(this);
	}
}
