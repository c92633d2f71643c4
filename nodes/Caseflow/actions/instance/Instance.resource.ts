import type { INodeProperties } from 'n8n-workflow';
import * as cancel from './cancel.operation';
import * as complete from './complete.operation';
import * as get from './get.operation';
import * as updateData from './updateData.operation';

export { cancel, complete, get, updateData };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['instance'] } },
		options: [
			{ name: 'Cancel', value: 'cancel', description: 'End a case without an outcome', action: 'Cancel a case' },
			{ name: 'Complete', value: 'complete', description: 'End a case with an outcome', action: 'Complete a case' },
			{ name: 'Get', value: 'get', description: 'Get a case with its history', action: 'Get a case' },
			{ name: 'Update Data', value: 'updateData', description: "Merge values into a case's data", action: 'Update case data' },
		],
		default: 'get',
	},
	...get.description,
	...updateData.description,
	...complete.description,
	...cancel.description,
];
