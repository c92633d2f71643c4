import type { IDataObject, INodeProperties } from 'n8n-workflow';

/**
 * Named links from the record to others ("courseDate" → the course date CD-7), offered wherever a
 * record is written. The backend checks that each related record exists and names the relation
 * when one does not, so an empty or unknown external id is left for it to report (a webhook
 * without its course date answers 400 naming `entity.relations.courseDate`).
 */
export const relationsOption: INodeProperties = {
	displayName: 'Related Records',
	name: 'relations',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Related Record',
	default: {},
	description: 'Link this record to others by name, e.g. a booking to its course date; the related record must exist',
	options: [
		{
			displayName: 'Relation',
			name: 'relation',
			values: [
				{
					displayName: 'Relation Name',
					name: 'name',
					type: 'string',
					default: '',
					placeholder: 'e.g. courseDate',
					description: 'Letters, digits and _; messages read the record as {{related.courseDate.name}}',
				},
				{
					displayName: 'Related Record Type',
					name: 'type',
					type: 'string',
					default: '',
					placeholder: 'e.g. course-date',
					description: 'The entity type key of the record to link to',
				},
				{
					displayName: 'Related Record External ID',
					name: 'externalId',
					type: 'string',
					default: '',
					placeholder: 'e.g. CD-2027-03-JAVA',
					description: 'Must name an existing record: an empty value is refused, naming the relation',
				},
			],
		},
	],
};

/** The fixedCollection's rows as the API's `relations` object; undefined when none were added. */
export function relationsBody(value: unknown): IDataObject | undefined {
	const rows = ((value as IDataObject | undefined)?.relation ?? []) as IDataObject[];
	if (rows.length === 0) return undefined;
	const relations: IDataObject = {};
	for (const row of rows) {
		const name = String(row.name ?? '').trim();
		const type = String(row.type ?? '').trim();
		const externalId = String(row.externalId ?? '').trim();
		relations[name] = { type, externalId };
	}
	return relations;
}
