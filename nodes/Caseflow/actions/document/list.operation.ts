import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { instanceIdProperty } from '../../../shared/descriptions';
import { requiredStringParameter, stringParameter } from '../../../shared/parameters';
import { caseflowRequest } from '../../../shared/transport';
import type { DocumentResponse } from '../../../shared/types';

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['document'], operation: ['list'] } },
	[
		instanceIdProperty,
		{
			displayName: 'Kind',
			name: 'kind',
			type: 'string',
			default: '',
			placeholder: 'e.g. intake',
			description: 'Only documents of this kind; empty for all',
		},
	],
);

/** GET /instances/:id/documents: one item per document, newest first; no item when the case has none. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const instanceId = requiredStringParameter.call(this, 'instanceId', itemIndex, 'Set the Instance ID of the case whose documents to list');
	const kind = stringParameter.call(this, 'kind', itemIndex);
	const { items } = (await caseflowRequest.call(this, {
		method: 'GET',
		path: `/instances/${encodeURIComponent(instanceId)}/documents`,
		qs: kind ? { kind } : {},
	})) as { items: DocumentResponse[] };
	return items;
}
