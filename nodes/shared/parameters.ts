import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * The expression defaults Caseflow's parameters ship with. The descriptions import them from here, so
 * the text a parameter holds when left alone is exactly a key of NATIVE below.
 */
export const ITEM_DEFAULTS = {
	instanceId: '={{ $json.caseflow?.instanceId }}',
	optionalInstanceId: "={{ $json.caseflow?.instanceId ?? '' }}",
	launchData: '={{ $json.body?.data ?? {} }}',
	launchIdempotencyKey: "={{ $json.headers?.['idempotency-key'] ?? '' }}",
	launchInstanceId: "={{ $json.body?.instanceId ?? $json.instanceId ?? '' }}",
} as const;

const field = (value: unknown, key: string): unknown =>
	value !== null && typeof value === 'object' ? (value as IDataObject)[key] : undefined;

/** Each default read from the item as n8n would evaluate it. */
const NATIVE: Record<string, (json: IDataObject) => unknown> = {
	[ITEM_DEFAULTS.instanceId]: (json) => field(json.caseflow, 'instanceId'),
	[ITEM_DEFAULTS.optionalInstanceId]: (json) => field(json.caseflow, 'instanceId') ?? '',
	[ITEM_DEFAULTS.launchData]: (json) => field(json.body, 'data') ?? {},
	[ITEM_DEFAULTS.launchIdempotencyKey]: (json) => field(json.headers, 'idempotency-key') ?? '',
	[ITEM_DEFAULTS.launchInstanceId]: (json) => field(json.body, 'instanceId') ?? json.instanceId ?? '',
};

/**
 * A parameter's value for an item. One that still holds its shipped default (ITEM_DEFAULTS) is read
 * from the item here: n8n 2.x evaluates every expression in an isolate, several milliseconds of n8n's
 * CPU each, and these defaults sit on nearly every Caseflow node — in the side-by-side bench's profile
 * they were most of what the nodes themselves cost n8n. Anything else is evaluated by n8n as usual.
 */
export function nodeParameter(this: IExecuteFunctions, name: string, itemIndex: number, fallback: unknown): unknown {
	const raw = this.getNode().parameters[name];
	const native = typeof raw === 'string' ? NATIVE[raw] : undefined;
	if (!native) return this.getNodeParameter(name, itemIndex, fallback) as unknown;
	return native(this.getInputData()[itemIndex]?.json ?? {});
}

export function stringParameter(this: IExecuteFunctions, name: string, itemIndex: number): string {
	const value = nodeParameter.call(this, name, itemIndex, '');
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
	return parseJsonObject.call(this, nodeParameter.call(this, name, itemIndex, '{}'), displayName, itemIndex);
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
