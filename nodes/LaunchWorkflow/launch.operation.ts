import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { toCaseflowContext } from '../shared/context';
import { jsonObjectParameter, parseJsonObject, requiredStringParameter, stringParameter } from '../shared/parameters';
import { caseflowRequestWithStatus } from '../shared/transport';
import type { InstanceResponse } from '../shared/types';
import { deriveIdempotencyKey } from './idempotency';

function entityOf(this: IExecuteFunctions, itemIndex: number): IDataObject | undefined {
	const type = stringParameter.call(this, 'entityType', itemIndex);
	const externalId = stringParameter.call(this, 'entityExternalId', itemIndex);
	if (!type && !externalId) return undefined;
	if (!type || !externalId) {
		throw new NodeOperationError(this.getNode(), 'Set both Entity Type and Entity External ID', {
			itemIndex,
			description: 'Caseflow finds or creates the entity by the pair; one without the other is ambiguous.',
		});
	}
	const fields = this.getNodeParameter('entityFields', itemIndex, {}) as IDataObject;
	const entity: IDataObject = { type, externalId };
	const name = stringParameter.call(this, 'entityName', itemIndex);
	if (name) entity.name = name;
	if (fields.email) entity.email = String(fields.email).trim();
	if (fields.managerEmail) entity.managerEmail = String(fields.managerEmail).trim();
	if (fields.attributes !== undefined) {
		entity.attributes = parseJsonObject.call(this, fields.attributes, 'Entity Attributes', itemIndex);
	}
	return entity;
}

/** POST /instances: launch a case, or return the one this key (or the UI) already started. */
export async function launchInstance(
	this: IExecuteFunctions,
	itemIndex: number,
	item: INodeExecutionData,
): Promise<IDataObject> {
	const processKey = requiredStringParameter.call(
		this,
		'processKey',
		itemIndex,
		'Choose the Process to launch',
	);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const instanceId = stringParameter.call(this, 'instanceId', itemIndex);
	const entityId = String(options.entityId ?? '').trim();
	const entity = entityOf.call(this, itemIndex);
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
		n8nExecutionId: this.getExecutionId(),
	};
	if (entity) body.entity = entity;
	if (entityId) body.entityId = entityId;
	if (instanceId) body.instanceId = instanceId;
	if (options.stageKey) body.stageKey = String(options.stageKey);

	const { statusCode, body: instance } = await caseflowRequestWithStatus.call(this, {
		method: 'POST',
		path: '/instances',
		body,
	});
	return {
		...item.json,
		caseflow: { ...toCaseflowContext(instance as InstanceResponse), created: statusCode === 201 },
	};
}
