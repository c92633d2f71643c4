import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { runForEachItem } from '../../shared/items';
import * as document from './document/Document.resource';
import * as entity from './entity/Entity.resource';
import * as instance from './instance/Instance.resource';
import type { CaseflowOperation, CaseflowResource } from './node.type';

const operations: Record<CaseflowResource, Record<string, CaseflowOperation>> = {
	instance: {
		get: instance.get,
		updateData: instance.updateData,
		complete: instance.complete,
		cancel: instance.cancel,
	},
	entity: { get: entity.get, getRelated: entity.getRelated, upsert: entity.upsert },
	document: { add: document.add, list: document.list, download: document.download },
};

/** Picks the operation file for the chosen resource and operation and runs it for every item. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as CaseflowResource;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = operations[resource]?.[operationName];
	if (!operation) {
		throw new NodeOperationError(this.getNode(), `The operation "${operationName}" of "${resource}" is not supported`);
	}
	return [await runForEachItem.call(this, operation.execute)];
}
