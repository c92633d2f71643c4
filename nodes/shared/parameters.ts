import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

export function stringParameter(this: IExecuteFunctions, name: string, itemIndex: number): string {
	const value = this.getNodeParameter(name, itemIndex, '') as unknown;
	return value === null || value === undefined ? '' : String(value).trim();
}

export function requiredStringParameter(
	this: IExecuteFunctions,
	name: string,
	itemIndex: number,
	whatToDo: string,
): string {
	const value = stringParameter.call(this, name, itemIndex);
	if (value === '') throw new NodeOperationError(this.getNode(), whatToDo, { itemIndex });
	return value;
}

/** JSON parameters arrive as text typed by hand or as an object from an expression; both must be an object. */
export function parseJsonObject(
	this: IExecuteFunctions,
	value: unknown,
	displayName: string,
	itemIndex: number,
): IDataObject {
	if (value === undefined || value === null || value === '') return {};
	let parsed: unknown = value;
	if (typeof value === 'string') {
		try {
			parsed = JSON.parse(value);
		} catch {
			throw new NodeOperationError(this.getNode(), `${displayName} is not valid JSON`, {
				itemIndex,
				description: `Write a JSON object such as {"bookingRef": "B-1042"}, or an expression that returns an object.`,
			});
		}
	}
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
		throw new NodeOperationError(this.getNode(), `${displayName} must be a JSON object`, {
			itemIndex,
			description: `Got ${Array.isArray(parsed) ? 'an array' : typeof parsed}; wrap the values in an object such as {"items": [...]}.`,
		});
	}
	return parsed as IDataObject;
}

export function jsonObjectParameter(
	this: IExecuteFunctions,
	name: string,
	displayName: string,
	itemIndex: number,
): IDataObject {
	return parseJsonObject.call(this, this.getNodeParameter(name, itemIndex, '{}'), displayName, itemIndex);
}

/** Dates come from expressions as ISO text, epoch numbers, JS Dates or Luxon DateTimes. */
export function toIsoDate(value: unknown): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
	if (typeof value === 'object' && typeof (value as { toISO?: unknown }).toISO === 'function') {
		const iso = (value as { toISO: () => string | null }).toISO();
		return iso ?? undefined;
	}
	if (typeof value === 'number') return Number.isFinite(value) ? new Date(value).toISOString() : undefined;
	const text = String(value).trim();
	return Number.isNaN(Date.parse(text)) ? undefined : text;
}
