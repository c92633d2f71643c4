import { randomUUID } from 'crypto';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError, WAIT_INDEFINITELY } from 'n8n-workflow';
import { errorItem, passOn, withItemIndex } from '../shared/items';
import { requiredStringParameter, stringParameter, toIsoDate } from '../shared/parameters';
import { resumeUrlOf } from '../shared/resume-url';
import { caseflowRequest } from '../shared/transport';
import type { TaskResponse } from '../shared/types';
import { decisionsToOffer } from './decisions';

const MINUTE = 60 * 1000;

function fieldsToCapture(this: IExecuteFunctions, itemIndex: number): IDataObject[] {
	const values = ((this.getNodeParameter('fields', itemIndex, {}) as IDataObject).values as IDataObject[]) ?? [];
	return values.map((field) => ({
		key: `${field.key ?? ''}`.trim(),
		label: `${field.label ?? ''}`.trim() || `${field.key ?? ''}`.trim(),
		type: field.type ?? 'string',
		required: field.required === true,
	}));
}

function dueOf(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const due = this.getNodeParameter('due', itemIndex) as string;
	if (due === 'inMinutes') {
		const minutes = this.getNodeParameter('dueInMinutes', itemIndex) as number;
		if (!Number.isInteger(minutes) || minutes < 1) {
			throw new NodeOperationError(this.getNode(), 'Due In (Minutes) must be a whole number of at least 1', { itemIndex });
		}
		return { dueInMinutes: minutes };
	}
	if (due === 'at') {
		const raw = this.getNodeParameter('dueAt', itemIndex) as unknown;
		const dueAt = toIsoDate(raw);
		if (!dueAt) {
			throw new NodeOperationError(this.getNode(), `Due At "${String(raw)}" is not a date`, {
				itemIndex,
				description: 'Pick a date, or use an expression that returns an ISO date such as 2026-03-01T17:00:00Z.',
			});
		}
		return { dueAt: new Date(dueAt).toISOString() };
	}
	return {};
}

/**
 * With a time limit, n8n ends the wait itself a grace period after the due time: the item then leaves on
 * "Timed Out". Without one, the wait lasts until the backend resumes the execution.
 */
function waitUntil(this: IExecuteFunctions, task: TaskResponse, due: IDataObject, itemIndex: number): Date {
	const limited = due.dueAt !== undefined || due.dueInMinutes !== undefined;
	if (!limited || !this.getNodeParameter('limitWaitTime', itemIndex, false)) return WAIT_INDEFINITELY;
	const graceMinutes = this.getNodeParameter('graceMinutes', itemIndex, 60) as number;
	const dueAt = task.dueAt
		? Date.parse(task.dueAt)
		: due.dueAt
			? Date.parse(String(due.dueAt))
			: Date.now() + Number(due.dueInMinutes) * MINUTE;
	return new Date(dueAt + Math.max(0, graceMinutes) * MINUTE);
}

async function createTask(this: IExecuteFunctions, itemIndex: number, item: INodeExecutionData): Promise<IDataObject> {
	const instanceId = requiredStringParameter.call(
		this,
		'instanceId',
		itemIndex,
		'Instance ID is empty: put a Launch Workflow node before this one, or set the ID of the case',
	);
	const due = dueOf.call(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const body: IDataObject = {
		instanceId,
		queue: requiredStringParameter.call(this, 'queue', itemIndex, 'Choose the Queue whose reviewers decide'),
		title: requiredStringParameter.call(this, 'title', itemIndex, 'Set a Title: it is what reviewers see in their queue'),
		decisions: await decisionsToOffer.call(this, itemIndex),
		fields: fieldsToCapture.call(this, itemIndex),
		priority: this.getNodeParameter('priority', itemIndex, 2),
		resumeUrl: resumeUrlOf.call(this, itemIndex),
		// Sent again with the call if its answer is lost, so the task is registered once (transport.ts).
		requestKey: randomUUID(),
		...due,
	};
	const instructions = stringParameter.call(this, 'instructions', itemIndex);
	if (instructions) body.instructions = instructions;
	if (options.stageKey) body.stageKey = String(options.stageKey);

	const task = (await caseflowRequest.call(this, { method: 'POST', path: '/tasks', body, retry: true })) as TaskResponse;
	await this.putExecutionToWait(waitUntil.call(this, task, due, itemIndex));
	const caseflow = (item.json.caseflow as IDataObject | undefined) ?? { instanceId };
	return { ...item.json, caseflow: { ...caseflow, taskId: task.id, taskDueAt: task.dueAt } };
}

/** Creates the review task and pauses the execution until a reviewer decides (see webhook()). */
export async function createTaskAndWait(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	if (items.length !== 1) {
		throw new NodeOperationError(
			this.getNode(),
			`Await Decision waits for one decision at a time, but received ${items.length} items`,
			{
				description:
					'An execution pauses as a whole, so it can wait on one task only. Put a "Loop Over Items" node (batch size 1) before this one, or start one execution per case.',
			},
		);
	}
	try {
		const json = await createTask.call(this, 0, items[0]);
		return [[passOn(items[0], json, 0)]];
	} catch (error) {
		if (this.continueOnFail()) return [[errorItem(error, 0)]];
		throw withItemIndex(this.getNode(), error, 0);
	}
}
