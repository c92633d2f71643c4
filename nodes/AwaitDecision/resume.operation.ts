import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { enteringItem, routeTo, takeResume } from '../shared/resume';
import { readSignedCall, refuseCall } from '../shared/signed-call';
import { configuredDecisionKeys } from './decisions';
import { TIMED_OUT_OUTPUT } from './outputs';

const RESUMES = ['decision', 'timeout', 'released'];

function outputCount(mode: string, decisionKeys: string[]): number {
	return mode === 'single' ? 1 : decisionKeys.length + 1;
}

/**
 * Routes a signed decision (or time-out) from the backend to its output; a case closed while waiting
 * ("released") ends the execution here, on no output. Refuses anything unsigned or unknown, and lets a
 * repeated delivery change nothing.
 */
export async function resumeWithDecision(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const call = await readSignedCall.call(this);
	if (!call.accepted) return call.response;
	const body = call.body;
	if (!RESUMES.includes(String(body.kind))) {
		return refuseCall.call(this, 422, `Await Decision expects a decision, a time-out or a release, not "${String(body.kind)}"`);
	}

	const mode = this.getNodeParameter('outputMode', 'perDecision') as string;
	const decisionKeys = configuredDecisionKeys({
		decisionSource: this.getNodeParameter('decisionSource', 'define') as string,
		decisions: this.getNodeParameter('decisions', {}) as IDataObject,
		processDecisions: this.getNodeParameter('processDecisions', []),
	});
	const decided = body.kind === 'decision';
	const decision = decided ? String(body.decision ?? '') : null;
	let output: number | null = mode === 'single' ? 0 : TIMED_OUT_OUTPUT;
	if (decided && mode !== 'single') {
		const position = decisionKeys.indexOf(decision as string);
		if (position === -1) {
			return refuseCall.call(this, 422, `"${decision}" is not one of this node's decisions (${decisionKeys.join(', ')})`);
		}
		output = position + 1;
	}
	if (body.kind === 'released') output = null;

	const take = await takeResume.call(this, { taskId: body.taskId }, call.idempotencyKey);
	if (!take.taken) return take.response;

	const entering = enteringItem.call(this);
	const json: IDataObject = {
		...entering.json,
		decision,
		timedOut: body.kind === 'timeout',
		comment: decided ? (body.comment ?? null) : null,
		fields: decided ? (body.fields ?? {}) : {},
		decidedBy: decided ? (body.decidedBy ?? null) : null,
		decidedAt: decided ? (body.decidedAt ?? null) : null,
		taskId: body.taskId ?? null,
		caseflow: { ...take.caseflow, taskId: body.taskId ?? null, decision },
	};
	// The node waited on exactly one item, so the result pairs with it.
	return routeTo(outputCount(mode, decisionKeys), output, { ...entering, json, pairedItem: { item: 0 } });
}
