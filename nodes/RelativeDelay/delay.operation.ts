import type { IDataObject, IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep, WAIT_INDEFINITELY } from 'n8n-workflow';
import { errorMessage, withItemIndex } from '../shared/items';
import { resumeUrlOf } from '../shared/resume-url';
import { caseflowRequest } from '../shared/transport';
import type { TimerResponse } from '../shared/types';
import { ON_TIME_OUTPUT, TOO_LATE_OUTPUT } from './outputs';
import { timerRequest } from './timer-request';

/**
 * Shorter waits stay in this process: registering, pausing and being resumed by the backend costs more
 * than it saves, and the execution slot is held only briefly.
 */
export const IN_PROCESS_LIMIT_MS = 60 * 1000;

interface Outcome {
	output: number;
	json: IDataObject;
}

/** A timer this execution will not wait for must not resume it later. */
async function cancelTimer(this: IExecuteFunctions, timerId: string): Promise<void> {
	try {
		await caseflowRequest.call(this, { method: 'DELETE', path: `/timers/${encodeURIComponent(timerId)}` });
	} catch (error) {
		// Already fired or cancelled: nothing left that could resume this execution.
		const status = Number((error as { httpCode?: string }).httpCode);
		if (status !== 404 && status !== 409) throw new NodeApiError(this.getNode(), error as JsonObject);
	}
}

async function delay(this: IExecuteFunctions, item: INodeExecutionData): Promise<Outcome> {
	const body = timerRequest.call(this, 0, resumeUrlOf.call(this, 0));
	const timer = (await caseflowRequest.call(this, { method: 'POST', path: '/timers', body })) as TimerResponse;
	const remaining = Date.parse(timer.fireAt) - Date.now();
	const summary: IDataObject = { id: timer.id, fireAt: timer.fireAt, label: body.label };

	if (timer.alreadyDue === true || (timer.alreadyDue === undefined && remaining <= 0)) {
		await cancelTimer.call(this, timer.id);
		const tooLate = this.getNodeParameter('ifPast', 0) === 'tooLate';
		return {
			output: tooLate ? TOO_LATE_OUTPUT : ON_TIME_OUTPUT,
			json: { ...item.json, timer: { ...summary, status: 'past', late: true } },
		};
	}
	if (remaining < IN_PROCESS_LIMIT_MS) {
		await cancelTimer.call(this, timer.id);
		await sleep(Math.max(0, remaining));
		return { output: ON_TIME_OUTPUT, json: { ...item.json, timer: { ...summary, status: 'fired', late: false } } };
	}
	// The backend owns the timer (it shows on the case and moves with its anchor) and resumes us through webhook().
	await this.putExecutionToWait(WAIT_INDEFINITELY);
	return { output: ON_TIME_OUTPUT, json: { ...item.json, timer: { ...summary, status: 'waiting', late: false } } };
}

export async function registerDelay(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	if (items.length !== 1) {
		throw new NodeOperationError(
			this.getNode(),
			`Relative Delay waits for one case at a time, but received ${items.length} items`,
			{
				description:
					'An execution pauses as a whole, so it can wait for one time only. Put a "Loop Over Items" node (batch size 1) before this one, or start one execution per case.',
			},
		);
	}
	const outputs: INodeExecutionData[][] = this.getNodeParameter('ifPast', 0) === 'tooLate' ? [[], []] : [[]];
	try {
		const { output, json } = await delay.call(this, items[0]);
		outputs[output].push({ json, pairedItem: { item: 0 } });
	} catch (error) {
		if (!this.continueOnFail()) throw withItemIndex(this.getNode(), error, 0);
		outputs[ON_TIME_OUTPUT].push({ json: { error: errorMessage(error) }, pairedItem: { item: 0 } });
	}
	return outputs;
}
