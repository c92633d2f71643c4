import { randomUUID } from 'crypto';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError, sleep, WAIT_INDEFINITELY } from 'n8n-workflow';
import { toCaseflowContext } from '../shared/context';
import { errorItem, passOn, withItemIndex } from '../shared/items';
import { resumeUrlOf } from '../shared/resume-url';
import { caseflowRequest } from '../shared/transport';
import type { InstanceResponse, TimerResponse } from '../shared/types';
import { ON_TIME_OUTPUT, TOO_LATE_OUTPUT } from './outputs';
import { timerRequest } from './timer-request';

/**
 * Shorter waits stay in this process: registering, pausing and being resumed by the backend costs more
 * than it saves, and the execution slot is held only briefly. The backend still keeps the timer (it
 * shows on the case and fires), it just resumes nobody.
 */
export const IN_PROCESS_LIMIT_MS = 60 * 1000;

const CLOSED = ['completed', 'cancelled'];

/** Where the item goes: an output, or null when the case closed meanwhile (the execution ends here). */
interface Outcome {
	output: number | null;
	json: IDataObject;
}

/** After an in-process wait: the case may have closed meanwhile, and its data may have changed. */
async function caseAfterSleep(this: IExecuteFunctions, timerId: string): Promise<IDataObject | null | undefined> {
	const answer = (await caseflowRequest.call(this, { method: 'POST', path: '/waits/take', body: { timerId } })) as {
		instance: InstanceResponse | null;
	};
	if (!answer.instance) return undefined;
	return CLOSED.includes(answer.instance.status) ? null : toCaseflowContext(answer.instance);
}

async function delay(this: IExecuteFunctions, item: INodeExecutionData): Promise<Outcome> {
	const body: IDataObject = {
		...timerRequest.call(this, 0, resumeUrlOf.call(this, 0)),
		// A time already past is decided here, at once, as If Already Past says.
		ifPast: 'report',
		inProcessBelowMs: IN_PROCESS_LIMIT_MS,
		// Sent again with the call if its answer is lost, so the timer is registered once (transport.ts).
		requestKey: randomUUID(),
	};
	const timer = (await caseflowRequest.call(this, { method: 'POST', path: '/timers', body, retry: true })) as TimerResponse;
	const summary: IDataObject = { id: timer.id, fireAt: timer.fireAt, label: body.label };

	if (timer.status === 'past') {
		const tooLate = this.getNodeParameter('ifPast', 0) === 'tooLate';
		return {
			output: tooLate ? TOO_LATE_OUTPUT : ON_TIME_OUTPUT,
			json: { ...item.json, timer: { ...summary, status: 'past', late: true } },
		};
	}
	if (timer.inProcess === true) {
		await sleep(Math.max(0, Date.parse(timer.fireAt) - Date.now()));
		const caseflow = await caseAfterSleep.call(this, timer.id);
		if (caseflow === null) return { output: null, json: item.json };
		const json: IDataObject = { ...item.json, timer: { ...summary, status: 'fired', late: false } };
		if (caseflow) json.caseflow = { ...(item.json.caseflow as IDataObject | undefined), ...caseflow };
		return { output: ON_TIME_OUTPUT, json };
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
		if (output !== null) outputs[output].push(passOn(items[0], json, 0));
	} catch (error) {
		if (!this.continueOnFail()) throw withItemIndex(this.getNode(), error, 0);
		outputs[ON_TIME_OUTPUT].push(errorItem(error, 0));
	}
	return outputs;
}
