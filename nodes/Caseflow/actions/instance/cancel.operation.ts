import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { toCaseflowContext } from '../../../shared/context';
import { instanceIdProperty } from '../../../shared/descriptions';
import { requiredStringParameter, stringParameter } from '../../../shared/parameters';
import { caseflowRequest } from '../../../shared/transport';
import type { InstanceResponse } from '../../../shared/types';

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['instance'], operation: ['cancel'] } },
	[
		instanceIdProperty,
		{
			displayName: 'Reason',
			name: 'reason',
			type: 'string',
			default: '',
			description: 'Why the case is cancelled; shown on its timeline',
		},
	],
);

/** POST /instances/:id/cancel: also cancels its open tasks and timers (409 when the case already ended). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const instanceId = requiredStringParameter.call(this, 'instanceId', itemIndex, 'Set the Instance ID of the case to cancel');
	const reason = stringParameter.call(this, 'reason', itemIndex);
	const instance = (await caseflowRequest.call(this, {
		method: 'POST',
		path: `/instances/${encodeURIComponent(instanceId)}/cancel`,
		body: reason ? { reason } : {},
	})) as InstanceResponse;
	return { ...instance, caseflow: toCaseflowContext(instance) };
}
