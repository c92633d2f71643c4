import type { IBinaryKeyData, IDataObject, INodeExecutionData, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { toCaseflowContext } from './context';
import { errorMessage } from './items';
import { caseflowRequest } from './transport';
import type { InstanceResponse } from './types';
import { answerCall } from './signed-call';

interface TakeAnswer {
	taken: boolean;
	reason: 'already-taken' | 'superseded' | null;
	instance: InstanceResponse | null;
}

export type TakenResume = { taken: true; caseflow: IDataObject } | { taken: false; response: IWebhookResponseData };

/**
 * Asks the backend whether this delivery may resume the execution: deliveries are at-least-once, so a
 * repeat (or one meant for an earlier wait of this execution) is answered 200 and changes nothing. The
 * delivery's key goes along: the call that took the wait takes it again if it comes back, since its
 * node never heard the first answer (so the ask itself may be retried). The answer also carries the
 * case as it is now, for the item's `caseflow`.
 */
export async function takeResume(
	this: IWebhookFunctions,
	wait: { taskId?: unknown; timerId?: unknown },
	deliveryKey: string | undefined,
): Promise<TakenResume> {
	const body: IDataObject = wait.taskId ? { taskId: String(wait.taskId) } : { timerId: String(wait.timerId ?? '') };
	if (deliveryKey) body.deliveryKey = deliveryKey;
	let answer: TakeAnswer;
	try {
		answer = (await caseflowRequest.call(this, { method: 'POST', path: '/waits/take', body, retry: Boolean(deliveryKey) })) as TakeAnswer;
	} catch (error) {
		// The backend that sent the call cannot be asked right now: a 503 makes it try again later.
		this.logger.warn(`Caseflow: could not confirm a resume of "${this.getNode().name}": ${errorMessage(error)}`);
		return { taken: false, response: answerCall.call(this, 503, { error: `Caseflow could not confirm the resume: ${errorMessage(error)}` }) };
	}
	if (!answer.taken) {
		return { taken: false, response: answerCall.call(this, 200, { status: answer.reason ?? 'already-taken', resumed: false }) };
	}
	const caseflow: IDataObject = answer.instance ? toCaseflowContext(answer.instance) : {};
	return { taken: true, caseflow };
}

/**
 * The item that entered the waiting node, as n8n kept it with the waiting execution: what leaves the
 * node carries everything it carried (its fields and files) plus the decision or the timer.
 */
export function enteringItem(this: IWebhookFunctions): { json: IDataObject; binary?: IBinaryKeyData } {
	// $input.first() is the whole item, files included (with "combined" binary mode it is its json, files inside).
	const first = (waitingInput(this) ?? this.evaluateExpression('{{ $input.first() }}', 0)) as IDataObject | undefined;
	const isItem = isObject(first) && isObject(first.json);
	const json = (isItem ? first.json : first) as IDataObject | undefined;
	const binary = isItem ? (first.binary as IBinaryKeyData | undefined) : undefined;
	const item: { json: IDataObject; binary?: IBinaryKeyData } = { json: isObject(json) ? { ...json } : {} };
	if (isObject(binary) && Object.keys(binary).length > 0) item.binary = binary;
	return item;
}

/**
 * The first item the waiting node received, as n8n hands it to the resume's webhook context (the input of
 * the node on top of the execution stack). Read directly, it costs nothing; the `$input.first()`
 * expression it stands in for is evaluated in an isolate in n8n 2.x and copies the whole item, files'
 * metadata included, out of it. Undefined where a context does not carry it, and then the expression is used.
 */
function waitingInput(context: IWebhookFunctions): INodeExecutionData | undefined {
	const input = (context as unknown as { connectionInputData?: unknown }).connectionInputData;
	const first = Array.isArray(input) ? (input[0] as unknown) : undefined;
	return isObject(first) && isObject(first.json) ? (first as INodeExecutionData) : undefined;
}

const isObject = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** One item on `output` of `count` outputs; nothing at all when output is null (the execution ends there). */
export function routeTo(count: number, output: number | null, item: INodeExecutionData): IWebhookResponseData {
	return { workflowData: Array.from({ length: count }, (_, index) => (index === output ? [item] : [])) };
}
