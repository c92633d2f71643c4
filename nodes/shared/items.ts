import type { IBinaryKeyData, IDataObject, IExecuteFunctions, INode, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** An operation's answer that brings files of its own (a downloaded document), added to the item's. */
export class WithFiles {
	constructor(
		readonly json: IDataObject,
		readonly binary: IBinaryKeyData,
	) {}
}

export type ItemOperation = (
	this: IExecuteFunctions,
	itemIndex: number,
	item: INodeExecutionData,
) => Promise<IDataObject | IDataObject[] | WithFiles>;

interface NodeErrorLike {
	node: INode;
	context: IDataObject;
	message: string;
}

function isNodeError(error: unknown): error is NodeErrorLike {
	return (
		typeof error === 'object' &&
		error !== null &&
		'node' in error &&
		'context' in error &&
		typeof (error as NodeErrorLike).context === 'object'
	);
}

/** Tags an error with the item it came from, so n8n shows which item failed. */
export function withItemIndex(node: INode, error: unknown, itemIndex: number): Error {
	if (isNodeError(error)) {
		error.context.itemIndex = itemIndex;
		return error as unknown as Error;
	}
	const cause = error instanceof Error ? error : new Error(String(error));
	return new NodeOperationError(node, cause, { itemIndex });
}

export function errorMessage(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/**
 * What "continue on fail" (and n8n's error output) carries: `error`, the message, and under `details`
 * the HTTP status, n8n's hint and what the backend said field by field, so a Respond to Webhook node
 * can tell the caller what to fix. Only these keys: n8n sends an item down the error output
 * ("On Error: Continue (using error output)") when its json holds nothing but error, message, details.
 */
export function errorJson(error: unknown): IDataObject {
	const details: IDataObject = {};
	const node = error as { description?: unknown; httpCode?: unknown; context?: IDataObject };
	if (node.httpCode) details.statusCode = Number(node.httpCode);
	if (typeof node.description === 'string' && node.description) details.description = node.description;
	if (Array.isArray(node.context?.fields)) details.fields = node.context.fields;
	return Object.keys(details).length > 0 ? { error: errorMessage(error), details } : { error: errorMessage(error) };
}

/** The item "continue on fail" puts out for a failed one (see errorJson). */
export function errorItem(error: unknown, itemIndex: number): INodeExecutionData {
	return { json: errorJson(error), pairedItem: { item: itemIndex } };
}

/** The item a node passes on: its new json, and the files it came with, untouched. */
export function passOn(item: INodeExecutionData, json: IDataObject, itemIndex: number): INodeExecutionData {
	const out: INodeExecutionData = { json, pairedItem: { item: itemIndex } };
	if (item.binary) out.binary = item.binary;
	return out;
}

/** Runs one operation per input item: files kept, pairedItem on every result, "continue on fail" honoured. */
export async function runForEachItem(
	this: IExecuteFunctions,
	operation: ItemOperation,
): Promise<INodeExecutionData[]> {
	const items = this.getInputData();
	const results: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const json = await operation.call(this, itemIndex, items[itemIndex]);
			if (json instanceof WithFiles) {
				const out = passOn(items[itemIndex], json.json, itemIndex);
				results.push({ ...out, binary: { ...out.binary, ...json.binary } });
				continue;
			}
			// An operation may answer with several items (one per related record) or none.
			for (const one of Array.isArray(json) ? json : [json]) results.push(passOn(items[itemIndex], one, itemIndex));
		} catch (error) {
			if (this.continueOnFail()) {
				results.push(errorItem(error, itemIndex));
				continue;
			}
			throw withItemIndex(this.getNode(), error, itemIndex);
		}
	}
	return results;
}
