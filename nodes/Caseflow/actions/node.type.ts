import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import type { WithFiles } from '../../shared/items';

export type CaseflowResource = 'instance' | 'entity' | 'document';

/** What each operation file exports: its own UI properties and the work for one item. */
export interface CaseflowOperation {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number, item: INodeExecutionData): Promise<IDataObject | IDataObject[] | WithFiles>;
}
