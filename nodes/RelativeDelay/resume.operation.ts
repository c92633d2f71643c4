import type { IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { enteringItem, routeTo, takeResume } from '../shared/resume';
import { readSignedCall, refuseCall } from '../shared/signed-call';
import { ON_TIME_OUTPUT, TOO_LATE_OUTPUT } from './outputs';

/**
 * The backend fired the timer: continue on "On Time" — or, when its anchor moved into the past
 * (late), exactly as If Already Past says. A case closed while waiting ("released") ends the
 * execution here, on no output.
 */
export async function resumeOnTimer(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const call = await readSignedCall.call(this);
	if (!call.accepted) return call.response;
	const body = call.body;
	if (body.kind !== 'timer' && body.kind !== 'released') {
		return refuseCall.call(this, 422, `Relative Delay expects a fired timer or a release, not "${String(body.kind)}"`);
	}
	const take = await takeResume.call(this, { timerId: body.timerId }, call.idempotencyKey);
	if (!take.taken) return take.response;

	const tooLateOutput = this.getNodeParameter('ifPast', 'continue') === 'tooLate';
	const late = body.late === true;
	const output = body.kind === 'released' ? null : late && tooLateOutput ? TOO_LATE_OUTPUT : ON_TIME_OUTPUT;
	const entering = enteringItem.call(this);
	const timer = {
		id: body.timerId,
		fireAt: body.fireAt ?? null,
		firedAt: body.firedAt ?? null,
		status: body.kind === 'released' ? 'cancelled' : late ? 'past' : 'fired',
		late,
	};
	// The node waited on exactly one item, so the result pairs with it.
	const item = { ...entering, json: { ...entering.json, timer, caseflow: take.caseflow }, pairedItem: { item: 0 } };
	return routeTo(tooLateOutput ? 2 : 1, output, item);
}
