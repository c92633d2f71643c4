import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { splitList } from '../shared/binary';
import { stringParameter } from '../shared/parameters';

/**
 * `attachDocuments` for POST /messages: the backend reads the case's stored documents itself, so a
 * referral letter uploaded at intake can go out with the decision email without travelling on the item.
 */
export function caseDocuments(this: IExecuteFunctions, itemIndex: number, instanceId: string): IDataObject | undefined {
	const choice = this.getNodeParameter('attachCaseDocuments', itemIndex, 'none') as string;
	if (choice === 'none') return undefined;
	if (!instanceId) {
		throw new NodeOperationError(this.getNode(), "Attaching the case's documents needs the case", {
			itemIndex,
			description: 'Set Instance ID (or put a Launch Workflow node before this one), or set Attach Case Documents to None.',
		});
	}
	if (choice === 'all') return {};
	const kinds = splitList(stringParameter.call(this, 'documentKinds', itemIndex));
	if (kinds.length === 0) {
		throw new NodeOperationError(this.getNode(), 'Name the Document Kinds to attach', {
			itemIndex,
			description: 'A comma list such as "intake, referral-letter", or set Attach Case Documents to All.',
		});
	}
	return { kinds };
}
