import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { getEntityTypes } from '../shared/load-options';
import { CREDENTIAL_TYPE } from '../shared/transport';
import * as document from './actions/document/Document.resource';
import * as entity from './actions/entity/Entity.resource';
import * as instance from './actions/instance/Instance.resource';
import { router } from './actions/router';

export class Caseflow implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Caseflow',
		name: 'caseflow',
		icon: { light: 'file:caseflow.svg', dark: 'file:caseflow.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: "Get, update, complete or cancel Caseflow cases; add, list and download a case's documents; get or upsert the entities they are about",
		defaults: { name: 'Caseflow' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Case (Instance)', value: 'instance' },
					{ name: 'Document', value: 'document' },
					{ name: 'Entity', value: 'entity' },
				],
				default: 'instance',
			},
			...instance.description,
			...entity.description,
			...document.description,
		],
	};

	methods = { loadOptions: { getEntityTypes } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
