import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { getEntityTypes, getProcesses, getStages } from '../shared/load-options';
import { runForEachItem } from '../shared/items';
import { CREDENTIAL_TYPE } from '../shared/transport';
import { launchWorkflowProperties } from './description';
import { launchInstance } from './launch.operation';

export class LaunchWorkflow implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Launch Workflow',
		name: 'launchWorkflow',
		icon: { light: 'file:caseflow.svg', dark: 'file:caseflow.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["processKey"] }}',
		description: 'Start (or attach to) a Caseflow case for an entity; retried calls start one case, not two',
		defaults: { name: 'Launch Workflow' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		properties: launchWorkflowProperties,
	};

	methods = { loadOptions: { getProcesses, getEntityTypes, getStages } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [await runForEachItem.call(this, launchInstance)];
	}
}
