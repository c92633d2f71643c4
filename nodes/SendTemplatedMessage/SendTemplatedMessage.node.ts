import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { runForEachItem } from '../shared/items';
import { getMessageTemplates, getQueues } from '../shared/load-options';
import { CREDENTIAL_TYPE } from '../shared/transport';
import { sendTemplatedMessageProperties } from './description';
import { sendMessage } from './send.operation';

export class SendTemplatedMessage implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Send Templated Message',
		name: 'sendTemplatedMessage',
		icon: { light: 'file:caseflow.svg', dark: 'file:caseflow.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{ $parameter["source"] === "template" ? $parameter["templateKey"] : $parameter["subject"] }}',
		description: 'Render a Handlebars message with the case and send it to the entity, its manager, a queue or addresses',
		defaults: { name: 'Send Templated Message' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		properties: sendTemplatedMessageProperties,
	};

	methods = { loadOptions: { getMessageTemplates, getQueues } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [await runForEachItem.call(this, sendMessage)];
	}
}
