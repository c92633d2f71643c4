import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { toCaseflowContext } from '../../../shared/context';
import { instanceIdProperty } from '../../../shared/descriptions';
import { requiredStringParameter } from '../../../shared/parameters';
import { caseflowRequest } from '../../../shared/transport';
import type { InstanceResponse } from '../../../shared/types';

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['instance'], operation: ['get'] } },
	[instanceIdProperty],
);

/** GET /instances/:id: the case with its stage history, tasks, timers, messages and timeline. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const instanceId = requiredStringParameter.call(this, 'instanceId', itemIndex, 'Set the Instance ID of the case to get');
	const instance = (await caseflowRequest.call(this, {
		method: 'GET',
		path: `/instances/${encodeURIComponent(instanceId)}`,
	})) as InstanceResponse;
	return { ...instance, caseflow: toCaseflowContext(instance) };
}
