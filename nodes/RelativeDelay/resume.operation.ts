import type { INodeExecutionData, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { caseContextOrId } from '../shared/context';
import { readSignedCall, refuseCall } from '../shared/signed-call';
import { ON_TIME_OUTPUT } from './outputs';

/** The backend fired the timer: continue on "On Time". */
export async function resumeOnTimer(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const call = await readSignedCall.call(this);
	if (!call.accepted) return call.response;
	const body = call.body;
	if (body.kind !== 'timer') {
		return refuseCall.call(this, 422, `Relative Delay expects a fired timer, not "${String(body.kind)}"`);
	}
	const caseflow = await caseContextOrId.call(this, body.instanceId as string | null);
	const item: INodeExecutionData = {
		json: {
			timer: { id: body.timerId, fireAt: body.fireAt, firedAt: body.firedAt, status: 'fired', late: false },
			caseflow,
		},
		// The node waited on exactly one item, so the result pairs with it.
		pairedItem: { item: 0 },
	};
	const outputs = this.getNodeParameter('ifPast', 'continue') === 'tooLate' ? 2 : 1;
	const workflowData = Array.from({ length: outputs }, (_, index) => (index === ON_TIME_OUTPUT ? [item] : []));
	return { workflowData };
}
