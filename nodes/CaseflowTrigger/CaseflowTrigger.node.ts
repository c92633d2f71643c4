import type {
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { getEntityTypes, getProcesses } from '../shared/load-options';
import { CREDENTIAL_TYPE } from '../shared/transport';
import { caseflowTriggerProperties } from './description';
import { receiveEvent } from './event.operation';
import { subscribe, subscriptionExists, unsubscribe } from './subscription';

export class CaseflowTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Caseflow Trigger',
		name: 'caseflowTrigger',
		icon: { light: 'file:caseflow.svg', dark: 'file:caseflow.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ ($parameter["events"] || []).join(", ") }}',
		description: 'Start a workflow when something happens in Caseflow: a case launched, a decision made, a task overdue…',
		defaults: { name: 'Caseflow Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties: caseflowTriggerProperties,
	};

	methods = { loadOptions: { getEntityTypes, getProcesses } };

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await subscriptionExists.call(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await subscribe.call(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await unsubscribe.call(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveEvent.call(this);
	}
}
