import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { requiredStringParameter, stringParameter } from '../shared/parameters';
import { caseflowRequest } from '../shared/transport';

/** POST /escalations: reassign an open task, raise its priority, notify. */
export async function escalate(
	this: IExecuteFunctions,
	itemIndex: number,
	item: INodeExecutionData,
): Promise<IDataObject> {
	const body: IDataObject = {
		reason: requiredStringParameter.call(this, 'reason', itemIndex, 'Give a Reason: it is shown on the task and the case'),
	};
	if (this.getNodeParameter('target', itemIndex) === 'task') {
		body.taskId = requiredStringParameter.call(this, 'taskId', itemIndex, 'Set the Task ID to escalate');
	} else {
		body.instanceId = requiredStringParameter.call(
			this,
			'instanceId',
			itemIndex,
			'Instance ID is empty: put a Launch Workflow node before this one, or set the ID of the case',
		);
	}
	const reassignTo = this.getNodeParameter('reassignTo', itemIndex) as string;
	if (reassignTo === 'queue') body.toQueue = requiredStringParameter.call(this, 'toQueue', itemIndex, 'Choose the queue to escalate to');
	if (reassignTo === 'person') body.toUser = requiredStringParameter.call(this, 'toUser', itemIndex, 'Set the person to escalate to');
	const priority = Number(this.getNodeParameter('priority', itemIndex, 0));
	if (priority > 0) body.priority = priority;
	const notifyTemplate = stringParameter.call(this, 'notifyTemplate', itemIndex);
	if (notifyTemplate) body.notifyTemplate = notifyTemplate;

	const escalation = (await caseflowRequest.call(this, { method: 'POST', path: '/escalations', body })) as IDataObject;
	return { ...item.json, escalation };
}
