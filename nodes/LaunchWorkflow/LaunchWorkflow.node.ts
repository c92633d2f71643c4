import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { getEntityTypes, getProcesses, getStages } from '../shared/load-options';
import { CREDENTIAL_TYPE } from '../shared/transport';
import { launchWorkflowProperties } from './description';
import { routeLaunches } from './route';
import { launchWorkflowOutputs } from './outputs';

export class LaunchWorkflow implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Launch Workflow',
		name: 'launchWorkflow',
		icon: { light: 'file:caseflow.svg', dark: 'file:caseflow.dark.svg' },
		group: ['transform'],
		version: [1, 2],
		defaultVersion: 2,
		subtitle: '={{ ($parameter["mode"] === "find" ? "find in " : "") + $parameter["processKey"] }}',
		description: 'Start (or find) the Caseflow case of an entity; a retried call starts one case, not two',
		defaults: { name: 'Launch Workflow' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: `={{(${launchWorkflowOutputs})($nodeVersion, $parameter)}}`,
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		properties: launchWorkflowProperties,
	};

	methods = { loadOptions: { getProcesses, getEntityTypes, getStages } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeLaunches.call(this);
	}
}
