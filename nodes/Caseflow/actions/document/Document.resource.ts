import type { INodeProperties } from 'n8n-workflow';
import * as add from './add.operation';
import * as download from './download.operation';
import * as list from './list.operation';

export { add, download, list };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['document'] } },
		options: [
			{ name: 'Add', value: 'add', description: "Store a file of the item on a case", action: 'Add a document to a case' },
			{
				name: 'Download',
				value: 'download',
				description: 'Get a stored document as a file on the item',
				action: 'Download a document',
			},
			{ name: 'List', value: 'list', description: "List a case's documents, one item each", action: "List a case's documents" },
		],
		default: 'add',
	},
	...add.description,
	...list.description,
	...download.description,
];
