import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { toCaseflowContext } from '../../../shared/context';
import { instanceIdProperty } from '../../../shared/descriptions';
import { jsonObjectParameter, requiredStringParameter } from '../../../shared/parameters';
import { caseflowRequest } from '../../../shared/transport';
import type { InstanceResponse } from '../../../shared/types';

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['instance'], operation: ['updateData'] } },
	[
		instanceIdProperty,
		{
			displayName: 'Data (JSON)',
			name: 'data',
			type: 'json',
			default: '{}',
			required: true,
			description: "Merged into the case's data, key by key (top-level keys replace what was there)",
		},
	],
);

/** PATCH /instances/:id/data: shallow merge. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const instanceId = requiredStringParameter.call(this, 'instanceId', itemIndex, 'Set the Instance ID of the case to update');
	const instance = (await caseflowRequest.call(this, {
		method: 'PATCH',
		path: `/instances/${encodeURIComponent(instanceId)}/data`,
		body: { data: jsonObjectParameter.call(this, 'data', 'Data', itemIndex) },
	})) as InstanceResponse;
	return { ...instance, caseflow: toCaseflowContext(instance) };
}
