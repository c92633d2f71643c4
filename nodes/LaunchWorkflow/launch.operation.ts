import type { IDataObject, IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { toCaseflowContext } from '../shared/context';
import { jsonObjectParameter, parseJsonObject, requiredStringParameter, stringParameter } from '../shared/parameters';
import { relationsBody } from '../shared/relations';
import { caseflowRequest, caseflowRequestWithStatus } from '../shared/transport';
import type { InstanceResponse, Page } from '../shared/types';
import { launchDocuments } from './documents';
import { deriveIdempotencyKey } from './idempotency';

/** A launched or found case for one item: its json, and whether the case is new (or was found). */
export interface LaunchOutcome {
	json: IDataObject;
	/** Launch: a case whose steps have not run yet (new, or started in the UI). Find: a case was found. */
	matched: boolean;
}

function entityOf(this: IExecuteFunctions, itemIndex: number, launching: boolean): IDataObject | undefined {
	const type = stringParameter.call(this, 'entityType', itemIndex);
	const externalId = stringParameter.call(this, 'entityExternalId', itemIndex);
	if (!type && !externalId) return undefined;
	if (!type || !externalId) {
		const [missing, given] = type ? ['Entity External ID', `Entity Type is "${type}"`] : ['Entity Type', `Entity External ID is "${externalId}"`];
		throw new NodeOperationError(this.getNode(), `${missing} is empty for this item`, {
			itemIndex,
			description: `${given}, but Caseflow finds the entity by the pair. If ${missing} is an expression, it gave an empty value for this item: check that the incoming data has the field it reads (e.g. {{ $json.body.id }}).`,
		});
	}
	const entity: IDataObject = { type, externalId };
	if (!launching) return entity;
	const fields = this.getNodeParameter('entityFields', itemIndex, {}) as IDataObject;
	const name = stringParameter.call(this, 'entityName', itemIndex);
	if (name) entity.name = name;
	if (fields.email) entity.email = String(fields.email).trim();
	if (fields.managerEmail) entity.managerEmail = String(fields.managerEmail).trim();
	if (fields.attributes !== undefined) {
		entity.attributes = parseJsonObject.call(this, fields.attributes, 'Entity Attributes', itemIndex);
	}
	const relations = relationsBody(fields.relations);
	if (relations) entity.relations = relations;
	return entity;
}

const processKeyOf = (context: IExecuteFunctions, itemIndex: number) =>
	requiredStringParameter.call(context, 'processKey', itemIndex, 'Choose the Process to launch');

/** POST /instances: launch a case, or return the one this key (or the UI) already started. */
export async function launchInstance(this: IExecuteFunctions, itemIndex: number, item: INodeExecutionData): Promise<LaunchOutcome> {
	const processKey = processKeyOf(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const instanceId = stringParameter.call(this, 'instanceId', itemIndex);
	const entityId = String(options.entityId ?? '').trim();
	const entity = entityOf.call(this, itemIndex, true);
	if (!instanceId && !entityId && !entity) {
		throw new NodeOperationError(this.getNode(), 'Say which entity the case is about', {
			itemIndex,
			description:
				'Set Entity Type and Entity External ID (Caseflow upserts the entity), or an Existing Entity ID under Options, or Attach to Instance ID for cases started from the Caseflow UI.',
		});
	}

	const body: IDataObject = {
		processKey,
		data: jsonObjectParameter.call(this, 'data', 'Initial Data', itemIndex),
		idempotencyKey:
			stringParameter.call(this, 'idempotencyKey', itemIndex) || deriveIdempotencyKey(processKey, item.json),
	};
	// A case handed to another flow is left unclaimed, as one started in the Caseflow UI is: that flow's attach runs its steps.
	if (options.handOver !== true) body.n8nExecutionId = this.getExecutionId();
	if (entity) body.entity = entity;
	if (entityId) body.entityId = entityId;
	if (instanceId) body.instanceId = instanceId;
	if (options.stageKey) body.stageKey = String(options.stageKey);
	const documents = await launchDocuments.call(this, itemIndex, item, options);
	if (documents.length > 0) body.documents = documents;

	const { statusCode, body: instance } = await caseflowRequestWithStatus.call(this, {
		method: 'POST',
		path: '/instances',
		body,
	});
	const created = statusCode === 201;
	// "attached": the first execution for a case started in the Caseflow UI — its steps have not run yet.
	const launch = (instance as { launch?: string }).launch ?? (created ? 'created' : 'existing');
	return {
		json: { ...item.json, caseflow: { ...toCaseflowContext(instance as InstanceResponse), created, launch } },
		matched: launch !== 'existing',
	};
}

/** Finds the case of a follow-up call without ever creating one: by instance id, by entity, or by idempotency key. */
export async function findInstance(this: IExecuteFunctions, itemIndex: number, item: INodeExecutionData): Promise<LaunchOutcome> {
	const processKey = processKeyOf(this, itemIndex);
	const instanceId = stringParameter.call(this, 'instanceId', itemIndex);
	const entity = entityOf.call(this, itemIndex, false);
	const idempotencyKey = stringParameter.call(this, 'idempotencyKey', itemIndex);
	const includeClosed = this.getNodeParameter('includeClosed', itemIndex, false) === true;

	let found: InstanceResponse | undefined;
	if (instanceId) {
		found = await instanceById.call(this, instanceId);
		const closed = found && ['completed', 'cancelled'].includes(found.status);
		if (found && (found.processKey !== processKey || (closed && !includeClosed))) found = undefined;
	} else if (entity || idempotencyKey) {
		const qs: IDataObject = { processKey, limit: 1 };
		if (entity) Object.assign(qs, { entityType: entity.type, externalId: entity.externalId });
		else qs.idempotencyKey = idempotencyKey;
		if (!includeClosed) qs.open = true;
		const page = (await caseflowRequest.call(this, { method: 'GET', path: '/instances', qs })) as Page<InstanceResponse>;
		found = page.items[0];
	} else {
		throw new NodeOperationError(this.getNode(), 'Say which case to find', {
			itemIndex,
			description: 'Set Entity Type and Entity External ID, an Idempotency Key, or Attach to Instance ID.',
		});
	}
	if (!found) return { json: { ...item.json, caseflow: null }, matched: false };
	return { json: { ...item.json, caseflow: { ...toCaseflowContext(found), created: false } }, matched: true };
}

async function instanceById(this: IExecuteFunctions, instanceId: string): Promise<InstanceResponse | undefined> {
	try {
		return (await caseflowRequest.call(this, { method: 'GET', path: `/instances/${encodeURIComponent(instanceId)}` })) as InstanceResponse;
	} catch (error) {
		if ((error as { httpCode?: string }).httpCode === '404') return undefined;
		throw error instanceof NodeApiError ? error : new NodeApiError(this.getNode(), error as JsonObject);
	}
}
