import type { IDataObject, INodeExecutionData, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { caseContextOrId } from '../shared/context';
import { readSignedCall, refuseCall } from '../shared/signed-call';
import { configuredDecisionKeys } from './decisions';
import { TIMED_OUT_OUTPUT } from './outputs';

function outputCount(mode: string, decisionKeys: string[]): number {
	return mode === 'single' ? 1 : decisionKeys.length + 1;
}

/** Routes a signed decision (or time-out) from the backend to its output; refuses anything else. */
export async function resumeWithDecision(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const call = await readSignedCall.call(this);
	if (!call.accepted) return call.response;
	const body = call.body;
	if (body.kind !== 'decision' && body.kind !== 'timeout') {
		return refuseCall.call(this, 422, `Await Decision expects a decision or a time-out, not "${String(body.kind)}"`);
	}

	const mode = this.getNodeParameter('outputMode', 'perDecision') as string;
	const decisionKeys = configuredDecisionKeys({
		decisionSource: this.getNodeParameter('decisionSource', 'define') as string,
		decisions: this.getNodeParameter('decisions', {}) as IDataObject,
		processDecisions: this.getNodeParameter('processDecisions', []),
	});
	const timedOut = body.kind === 'timeout';
	const decision = timedOut ? null : String(body.decision ?? '');
	let output = TIMED_OUT_OUTPUT;
	if (!timedOut && mode !== 'single') {
		const position = decisionKeys.indexOf(decision as string);
		if (position === -1) {
			return refuseCall.call(this, 422, `"${decision}" is not one of this node's decisions (${decisionKeys.join(', ')})`);
		}
		output = position + 1;
	}
	if (mode === 'single') output = 0;

	const caseflow = await caseContextOrId.call(this, body.instanceId as string | undefined);
	const json: IDataObject = {
		decision,
		timedOut,
		comment: timedOut ? null : (body.comment ?? null),
		fields: timedOut ? {} : (body.fields ?? {}),
		decidedBy: timedOut ? null : (body.decidedBy ?? null),
		decidedAt: timedOut ? null : (body.decidedAt ?? null),
		taskId: body.taskId ?? null,
		caseflow: { ...caseflow, taskId: body.taskId ?? null, decision },
	};
	// The node waited on exactly one item, so the result pairs with it.
	const item: INodeExecutionData = { json, pairedItem: { item: 0 } };
	const workflowData: INodeExecutionData[][] = Array.from(
		{ length: outputCount(mode, decisionKeys) },
		(_, index) => (index === output ? [item] : []),
	);
	return { workflowData };
}
