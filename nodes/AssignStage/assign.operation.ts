import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { toCaseflowContext } from '../shared/context';
import { requiredStringParameter, stringParameter } from '../shared/parameters';
import { caseflowRequest } from '../shared/transport';
import type { InstanceResponse } from '../shared/types';

/** POST /instances/:id/stage: close the current stage visit, open the new one and start its SLA clock. */
export async function assignStage(
	this: IExecuteFunctions,
	itemIndex: number,
	item: INodeExecutionData,
): Promise<IDataObject> {
	const instanceId = requiredStringParameter.call(
		this,
		'instanceId',
		itemIndex,
		'Instance ID is empty: put a Launch Workflow node before this one, or set the ID of the case',
	);
	const body: IDataObject = {
		stageKey: requiredStringParameter.call(this, 'stageKey', itemIndex, 'Choose the Stage to move the case to'),
	};
	const owner = this.getNodeParameter('owner', itemIndex) as string;
	if (owner === 'queue') {
		body.ownerQueue = requiredStringParameter.call(this, 'ownerQueue', itemIndex, 'Choose the Owner Queue');
	}
	if (owner === 'person') {
		body.assigneeId = requiredStringParameter.call(this, 'assigneeId', itemIndex, 'Set the Person (User ID)');
	}
	const slaMinutes = this.getNodeParameter('slaMinutes', itemIndex, 0) as number;
	if (slaMinutes > 0) body.slaMinutes = slaMinutes;
	const note = stringParameter.call(this, 'note', itemIndex);
	if (note) body.note = note;

	const instance = (await caseflowRequest.call(this, {
		method: 'POST',
		path: `/instances/${encodeURIComponent(instanceId)}/stage`,
		body,
	})) as InstanceResponse;
	return { ...item.json, caseflow: toCaseflowContext(instance) };
}
