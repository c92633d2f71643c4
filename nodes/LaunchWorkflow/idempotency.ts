import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

function canonical(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(canonical);
	if (value && typeof value === 'object' && !(value instanceof Date)) {
		return Object.fromEntries(
			Object.keys(value as IDataObject)
				.sort()
				.map((key) => [key, canonical((value as IDataObject)[key])]),
		);
	}
	return value;
}

/**
 * A key derived from the item's content. For a webhook item only the body counts: a retried call
 * carries the same body but fresh headers (request ids, dates).
 */
export function deriveIdempotencyKey(processKey: string, json: IDataObject): string {
	const isWebhookItem = typeof json.body === 'object' && json.body !== null && 'headers' in json;
	const source = isWebhookItem ? json.body : json;
	const digest = createHash('sha256').update(JSON.stringify(canonical(source))).digest('hex');
	return `n8n-item:${processKey}:${digest.slice(0, 48)}`;
}
