import type { INodeProperties } from 'n8n-workflow';
import * as get from './get.operation';
import * as getRelated from './getRelated.operation';
import * as upsert from './upsert.operation';

export { get, getRelated, upsert };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['entity'] } },
		options: [
			{ name: 'Get', value: 'get', description: 'Get an entity', action: 'Get an entity' },
			{
				name: 'Get Related',
				value: 'getRelated',
				description: 'Get the records linked to an entity, or linking to it',
				action: 'Get related records of an entity',
			},
			{
				name: 'Upsert',
				value: 'upsert',
				description: 'Create an entity, or update the one with the same type and external ID',
				action: 'Upsert an entity',
			},
		],
		default: 'get',
	},
	...get.description,
	...getRelated.description,
	...upsert.description,
];
