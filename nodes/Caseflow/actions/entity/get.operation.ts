import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import { requiredStringParameter } from '../../../shared/parameters';
import { caseflowRequest } from '../../../shared/transport';
import type { EntityResponse, Page } from '../../../shared/types';

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['entity'], operation: ['get'] } },
	[
		{
			displayName: 'Find By',
			name: 'findBy',
			type: 'options',
			noDataExpression: true,
			default: 'externalId',
			options: [
				{ name: 'Type and External ID', value: 'externalId', description: 'The id the entity has in your own system' },
				{ name: 'Caseflow ID', value: 'id' },
			],
		},
		{
			displayName: 'Entity ID',
			name: 'entityId',
			type: 'string',
			default: '={{ $json.caseflow?.entity?.id }}',
			required: true,
			displayOptions: { show: { findBy: ['id'] } },
		},
		{
			displayName: 'Entity Type Name or ID',
			name: 'entityType',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getEntityTypes' },
			default: '',
			required: true,
			displayOptions: { show: { findBy: ['externalId'] } },
			description:
				'Choose from the list, or specify its key using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		},
		{
			displayName: 'External ID',
			name: 'externalId',
			type: 'string',
			default: '',
			required: true,
			displayOptions: { show: { findBy: ['externalId'] } },
		},
	],
);

async function findByExternalId(this: IExecuteFunctions, itemIndex: number): Promise<EntityResponse> {
	const type = requiredStringParameter.call(this, 'entityType', itemIndex, 'Choose the Entity Type');
	const externalId = requiredStringParameter.call(this, 'externalId', itemIndex, 'Set the External ID');
	const page = (await caseflowRequest.call(this, {
		method: 'GET',
		path: '/entities',
		qs: { type, q: externalId, limit: 500 },
	})) as Page<EntityResponse>;
	// q also matches names and emails as substrings; only an exact external id counts.
	const entity = page.items.find((candidate) => candidate.externalId === externalId);
	if (!entity) {
		throw new NodeOperationError(this.getNode(), `No ${type} with external ID "${externalId}" in Caseflow`, {
			itemIndex,
			description: 'Check the type and id, or create it with the Upsert operation.',
		});
	}
	return entity;
}

/** GET /entities/:id, or the entity with this type and external id. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	if (this.getNodeParameter('findBy', itemIndex) === 'externalId') {
		return await findByExternalId.call(this, itemIndex);
	}
	const entityId = requiredStringParameter.call(this, 'entityId', itemIndex, 'Set the Entity ID');
	return (await caseflowRequest.call(this, {
		method: 'GET',
		path: `/entities/${encodeURIComponent(entityId)}`,
	})) as IDataObject;
}
