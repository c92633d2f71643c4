import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { requiredStringParameter, stringParameter, toIsoDate } from '../shared/parameters';

const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;

function anchorOf(this: IExecuteFunctions, itemIndex: number, instanceId: string): IDataObject {
	if (this.getNodeParameter('anchorSource', itemIndex) === 'field') {
		if (!instanceId) {
			throw new NodeOperationError(this.getNode(), 'An anchor read from the case needs the Instance ID', {
				itemIndex,
				description: 'Put a Launch Workflow node before this one, or set Instance ID, or anchor on a date instead.',
			});
		}
		return {
			anchorField: requiredStringParameter.call(
				this,
				'anchorField',
				itemIndex,
				'Set the Anchor Field, e.g. data.courseStart',
			),
		};
	}
	const raw = this.getNodeParameter('anchorDate', itemIndex, '') as unknown;
	const anchorAt = toIsoDate(raw);
	if (!anchorAt) {
		throw new NodeOperationError(this.getNode(), `Anchor Date "${String(raw)}" is not a date`, {
			itemIndex,
			description: 'Use an ISO date such as 2026-03-01 or 2026-03-01T09:00:00Z, or an expression like {{ $json.bookedAt }}.',
		});
	}
	return { anchorAt };
}

/** The POST /timers body: the backend computes the fire time (business days, months, time zones). */
export function timerRequest(this: IExecuteFunctions, itemIndex: number, resumeUrl: string): IDataObject {
	const instanceId = stringParameter.call(this, 'instanceId', itemIndex);
	const amount = this.getNodeParameter('amount', itemIndex, 0) as number;
	if (!Number.isInteger(amount) || amount < 0) {
		throw new NodeOperationError(this.getNode(), `Amount must be a whole number of 0 or more, not ${amount}`, {
			itemIndex,
			description: 'Use Direction to wait before the anchor instead of a negative amount.',
		});
	}
	const direction = this.getNodeParameter('direction', itemIndex, 'after') as string;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const timeOfDay = `${options.timeOfDay ?? ''}`.trim();
	if (timeOfDay && !TIME_OF_DAY.test(timeOfDay)) {
		throw new NodeOperationError(this.getNode(), `Time of Day "${timeOfDay}" is not HH:MM`, {
			itemIndex,
			description: 'Use 24-hour time with two digits each, e.g. 09:00 or 17:30.',
		});
	}
	const body: IDataObject = {
		...anchorOf.call(this, itemIndex, instanceId),
		offset: {
			amount: direction === 'before' && amount !== 0 ? -amount : amount,
			unit: this.getNodeParameter('unit', itemIndex, 'days'),
		},
		timeZone: `${options.timeZone ?? ''}`.trim() || this.getTimezone(),
		label: `${options.label ?? ''}`.trim() || this.getNode().name,
		resumeUrl,
	};
	if (instanceId) body.instanceId = instanceId;
	if (timeOfDay) body.timeOfDay = timeOfDay;
	if (options.calendarKey) body.calendarKey = `${options.calendarKey}`.trim();
	return body;
}
