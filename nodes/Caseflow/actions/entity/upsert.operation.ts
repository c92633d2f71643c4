import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { parseJsonObject, requiredStringParameter } from '../../../shared/parameters';
import { relationsBody, relationsOption } from '../../../shared/relations';
import { caseflowRequest } from '../../../shared/transport';

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['entity'], operation: ['upsert'] } },
	[
		{
			displayName: 'Entity Type Name or ID',
			name: 'entityType',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getEntityTypes' },
			default: '',
			required: true,
			description:
				'Choose from the list, or specify its key using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		},
		{
			displayName: 'External ID',
			name: 'externalId',
			type: 'string',
			default: '',
			required: true,
			description: 'The id in your own system; an entity with this type and id is updated, otherwise created',
		},
		{ displayName: 'Name', name: 'name', type: 'string', default: '', required: true },
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{
					displayName: 'Attributes (JSON)',
					name: 'attributes',
					type: 'json',
					default: '{}',
					description: 'Merged into the attributes Caseflow already holds',
				},
				{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '' },
				{ displayName: 'Manager Email', name: 'managerEmail', type: 'string', placeholder: 'name@email.com', default: '' },
				relationsOption,
			],
		},
	],
);

/** POST /entities: create, or update the entity with the same type and external id. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = {
		type: requiredStringParameter.call(this, 'entityType', itemIndex, 'Choose the Entity Type'),
		externalId: requiredStringParameter.call(this, 'externalId', itemIndex, 'Set the External ID'),
		name: requiredStringParameter.call(this, 'name', itemIndex, 'Set the Name of the entity'),
	};
	if (fields.email) body.email = `${fields.email}`.trim();
	if (fields.managerEmail) body.managerEmail = `${fields.managerEmail}`.trim();
	if (fields.attributes !== undefined) {
		body.attributes = parseJsonObject.call(this, fields.attributes, 'Attributes', itemIndex);
	}
	const relations = relationsBody(fields.relations);
	if (relations) body.relations = relations;
	return (await caseflowRequest.call(this, { method: 'POST', path: '/entities', body })) as IDataObject;
}
