import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { toCaseflowContext } from '../../../shared/context';
import { instanceIdProperty } from '../../../shared/descriptions';
import { requiredStringParameter } from '../../../shared/parameters';
import { caseflowRequest } from '../../../shared/transport';
import type { InstanceResponse } from '../../../shared/types';

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['instance'], operation: ['complete'] } },
	[
		instanceIdProperty,
		{
			displayName: 'Outcome',
			name: 'outcome',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. approved',
			description: 'How the case ended; reports count cases by outcome',
		},
	],
);

/** POST /instances/:id/complete (409 when the case already ended). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const instanceId = requiredStringParameter.call(this, 'instanceId', itemIndex, 'Set the Instance ID of the case to complete');
	const outcome = requiredStringParameter.call(this, 'outcome', itemIndex, 'Set the Outcome the case ends with');
	const instance = (await caseflowRequest.call(this, {
		method: 'POST',
		path: `/instances/${encodeURIComponent(instanceId)}/complete`,
		body: { outcome },
	})) as InstanceResponse;
	return { ...instance, caseflow: toCaseflowContext(instance) };
}
