import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

/**
 * A record event's item: the record after the change and what changed, dotted
 * (`attributes.status`). No `caseflow`: a record change belongs to no case.
 */
export function recordEventItem(event: IDataObject, record: IDataObject, deliveryId: string | null): INodeExecutionData {
	return {
		json: {
			event: event.type as string,
			occurredAt: event.at as string,
			entity: record.entity as IDataObject,
			before: record.before as IDataObject,
			after: record.after as IDataObject,
			changed: record.changed as string[],
			actor: (event.actor as IDataObject | undefined) ?? null,
			deliveryId,
		},
	};
}
