import type { IDataObject, IHookFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { caseflowRequest } from '../shared/transport';
import type { Page, WebhookSubscriptionResponse } from '../shared/types';
import { RECORD_EVENTS } from './description';

/** The subscription id lives in the node's static data between activation and deactivation. */
interface SubscriptionState extends IDataObject {
	subscriptionId?: string;
}

function state(this: IHookFunctions): SubscriptionState {
	return this.getWorkflowStaticData('node') as SubscriptionState;
}

function targetUrl(this: IHookFunctions): string {
	const url = this.getNodeWebhookUrl('default');
	if (!url) throw new NodeOperationError(this.getNode(), 'n8n did not provide a webhook URL for the Caseflow Trigger');
	return url;
}

/** Activation: is our subscription still registered with the backend for this URL? */
export async function subscriptionExists(this: IHookFunctions): Promise<boolean> {
	const { subscriptionId } = state.call(this);
	if (!subscriptionId) return false;
	const response = (await caseflowRequest.call(this, { method: 'GET', path: '/webhooks', qs: { limit: 500 } })) as
		| Page<WebhookSubscriptionResponse>
		| WebhookSubscriptionResponse[];
	const subscriptions = Array.isArray(response) ? response : response.items;
	const url = targetUrl.call(this);
	const found = subscriptions.some((subscription) => subscription.id === subscriptionId && subscription.targetUrl === url);
	if (!found) delete state.call(this).subscriptionId;
	return found;
}

const text = (value: unknown): string => `${value ?? ''}`.trim();

/** The backend filters record changes by type, field and value, so n8n only wakes for the ones asked for. */
function recordFilter(this: IHookFunctions): IDataObject {
	const entityType = text(this.getNodeParameter('entityType', ''));
	if (!entityType) throw new NodeOperationError(this.getNode(), 'Choose the Record Type whose changes start this workflow');
	const filter: IDataObject = { entityType };
	const field = text(this.getNodeParameter('field', ''));
	// Not trimmed: "Completed " is a value of its own.
	const value = `${this.getNodeParameter('value', '') ?? ''}`;
	if (value && !field) {
		throw new NodeOperationError(this.getNode(), `Value "${value}" needs a Field: the field that must become this value`);
	}
	if (field) filter.field = field;
	if (field && value) filter.value = value;
	return filter;
}

export async function subscribe(this: IHookFunctions): Promise<boolean> {
	const events = this.getNodeParameter('events', []) as string[];
	if (events.length === 0) {
		throw new NodeOperationError(this.getNode(), 'Choose at least one event to listen to');
	}
	const body: IDataObject = { events, targetUrl: targetUrl.call(this) };
	const processKey = `${this.getNodeParameter('processKey', '') ?? ''}`.trim();
	if (processKey) body.processKey = processKey;
	if (events.some((event) => RECORD_EVENTS.includes(event))) Object.assign(body, recordFilter.call(this));
	const subscription = (await caseflowRequest.call(this, { method: 'POST', path: '/webhooks', body })) as WebhookSubscriptionResponse;
	state.call(this).subscriptionId = subscription.id;
	return true;
}

export async function unsubscribe(this: IHookFunctions): Promise<boolean> {
	const current = state.call(this);
	if (!current.subscriptionId) return true;
	try {
		await caseflowRequest.call(this, {
			method: 'DELETE',
			path: `/webhooks/${encodeURIComponent(current.subscriptionId)}`,
		});
	} catch (error) {
		if (Number((error as { httpCode?: string }).httpCode) !== 404) {
			throw new NodeApiError(this.getNode(), error as JsonObject);
		}
		this.logger.info(`Caseflow: subscription ${current.subscriptionId} was already gone`);
	}
	delete current.subscriptionId;
	return true;
}
