import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { runForEachItem } from '../shared/items';
import { getMessageTemplates, getQueues } from '../shared/load-options';
import { CREDENTIAL_TYPE } from '../shared/transport';
import { escalateProperties } from './description';
import { escalate } from './escalate.operation';

export class Escalate implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Escalate',
		name: 'escalate',
		icon: { light: 'file:caseflow.svg', dark: 'file:caseflow.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["reassignTo"] === "queue" ? "to " + $parameter["toQueue"] : $parameter["reassignTo"] === "person" ? "to " + $parameter["toUser"] : "raise priority" }}',
		description: 'Escalate a Caseflow task: reassign it to another queue or person, raise its priority, notify',
		defaults: { name: 'Escalate' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		properties: escalateProperties,
	};

	methods = { loadOptions: { getQueues, getMessageTemplates } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [await runForEachItem.call(this, escalate)];
	}
}
