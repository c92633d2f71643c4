import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { caseContextOrId } from '../shared/context';
import { readSignedCall, refuseCall } from '../shared/signed-call';
import { RECORD_EVENTS } from './description';
import { recordEventItem } from './record-event';

/** A signed event from the backend starts the workflow; anything unsigned is refused with 401. */
export async function receiveEvent(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const call = await readSignedCall.call(this);
	if (!call.accepted) return call.response;
	const event = call.body.event as IDataObject | undefined;
	if (!event || typeof event.type !== 'string') {
		return refuseCall.call(this, 422, 'Expected a Caseflow event: { event: { id, type, … } }');
	}
	const events = this.getNodeParameter('events', []) as string[];
	const isRecordEvent = RECORD_EVENTS.includes(event.type);
	// "Any Event" means every case event; record events are listened to by name.
	if (!events.includes(event.type) && (isRecordEvent || !events.includes('*'))) {
		// The subscription changed since the backend queued this delivery: acknowledge, start nothing.
		return { webhookResponse: { ignored: event.type } };
	}
	const deliveryId = call.idempotencyKey ?? null;
	if (isRecordEvent) {
		const record = call.body.record as IDataObject | undefined;
		if (!record) return refuseCall.call(this, 422, 'Expected the changed record with a record event: { event, record: { entity, before, after, changed } }');
		return { workflowData: [[recordEventItem(event, record, deliveryId)]] };
	}
	const caseflow = await caseContextOrId.call(this, event.instanceId as string | null);
	return {
		workflowData: [[{ json: { ...event, caseflow: { ...caseflow, taskId: event.taskId ?? null }, deliveryId } }]],
	};
}
