import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { requiredStringParameter, stringParameter } from '../../../shared/parameters';
import { caseflowRequest } from '../../../shared/transport';
import type { EntityResponse } from '../../../shared/types';

interface RelatedRecord {
	name: string;
	entity: EntityResponse;
}

interface RelatedResponse {
	outgoing: RelatedRecord[];
	incoming: RelatedRecord[];
	incomingTotal: number;
}

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['entity'], operation: ['getRelated'] } },
	[
		{
			displayName: 'Entity ID',
			name: 'entityId',
			type: 'string',
			default: '={{ $json.caseflow?.entity?.id ?? $json.entity?.id }}',
			required: true,
			description: "The record's Caseflow ID: a case item's caseflow.entity.id, or a Caseflow Trigger item's entity.id",
		},
		{
			displayName: 'Direction',
			name: 'direction',
			type: 'options',
			default: 'incoming',
			options: [
				{ name: 'Records Linking to This One', value: 'incoming', description: "E.g. a course date's bookings" },
				{ name: 'Records This One Links To', value: 'outgoing', description: "E.g. a booking's course date" },
			],
		},
		{
			displayName: 'Relation Name',
			name: 'relationName',
			type: 'string',
			default: '',
			placeholder: 'e.g. courseDate',
			description: 'Only links of this name; empty for all',
		},
		{
			displayName: 'Output',
			name: 'output',
			type: 'options',
			default: 'each',
			options: [
				{
					name: 'One Item per Related Record',
					value: 'each',
					description: 'The record with its relation name; no item when there is none',
				},
				{
					name: 'One Item with All of Them',
					value: 'summary',
					description: '{ count, records }: always one item, so "none" can be acted on',
				},
			],
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{
					displayName: 'Only Records of Type',
					name: 'type',
					type: 'string',
					default: '',
					placeholder: 'e.g. booking',
					description: 'Records linking to this one: only those of this type',
				},
				{
					displayName: 'Skip Where Field',
					name: 'skipField',
					type: 'string',
					default: '',
					placeholder: 'e.g. status',
					description: 'Records linking to this one: leave out those whose field equals Skip Value (status means attributes.status)',
				},
				{
					displayName: 'Skip Value',
					name: 'skipValue',
					type: 'string',
					default: '',
					placeholder: 'e.g. cancelled',
					description: 'Compared as text: numbers and booleans as written in JSON (3, true)',
				},
			],
		},
	],
);

/** GET /entities/:id/related, as one item per record or one summary item. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]> {
	const entityId = requiredStringParameter.call(this, 'entityId', itemIndex, 'Set the Entity ID');
	const direction = this.getNodeParameter('direction', itemIndex) as 'incoming' | 'outgoing';
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	const name = stringParameter.call(this, 'relationName', itemIndex);
	if (name) qs.name = name;
	if (options.type) qs.type = String(options.type).trim();
	if (options.skipField) {
		qs.skipField = String(options.skipField).trim();
		qs.skipValue = String(options.skipValue ?? '');
	}
	const related = (await caseflowRequest.call(this, {
		method: 'GET',
		path: `/entities/${encodeURIComponent(entityId)}/related`,
		qs,
	})) as RelatedResponse;
	const records = related[direction].map((row) => ({ ...row.entity, relation: row.name }) as IDataObject);
	if (this.getNodeParameter('output', itemIndex) === 'each') return records;
	const total = direction === 'incoming' ? related.incomingTotal : records.length;
	return { entityId, direction, count: total, records };
}
