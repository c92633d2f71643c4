import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { runForEachItem } from '../shared/items';
import { getQueues, getStages } from '../shared/load-options';
import { CREDENTIAL_TYPE } from '../shared/transport';
import { assignStage } from './assign.operation';
import { assignStageProperties } from './description';

export class AssignStage implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Assign Stage',
		name: 'assignStage',
		icon: { light: 'file:caseflow.svg', dark: 'file:caseflow.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["stageKey"] }}',
		description: 'Move a Caseflow case to a stage, set who owns it and start its SLA clock',
		defaults: { name: 'Assign Stage' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		properties: assignStageProperties,
	};

	methods = { loadOptions: { getStages, getQueues } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [await runForEachItem.call(this, assignStage)];
	}
}
