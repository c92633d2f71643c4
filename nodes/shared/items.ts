import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

export type ItemOperation = (
	this: IExecuteFunctions,
	itemIndex: number,
	item: INodeExecutionData,
) => Promise<IDataObject>;

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

/** Runs one operation per input item: pairedItem on every result, "continue on fail" honoured. */
export async function runForEachItem(
	this: IExecuteFunctions,
	operation: ItemOperation,
): Promise<INodeExecutionData[]> {
	const items = this.getInputData();
	const results: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const json = await operation.call(this, itemIndex, items[itemIndex]);
			results.push({ json, pairedItem: { item: itemIndex } });
		} catch (error) {
			if (this.continueOnFail()) {
				results.push({ json: { error: errorMessage(error) }, pairedItem: { item: itemIndex } });
				continue;
			}
			throw withItemIndex(this.getNode(), error, itemIndex);
		}
	}
	return results;
}
