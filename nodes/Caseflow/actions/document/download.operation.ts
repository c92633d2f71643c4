import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { WithFiles } from '../../../shared/items';
import { requiredStringParameter } from '../../../shared/parameters';
import { caseflowDownload, caseflowRequest } from '../../../shared/transport';
import type { DocumentResponse } from '../../../shared/types';

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['document'], operation: ['download'] } },
	[
		{
			displayName: 'Document ID',
			name: 'documentId',
			type: 'string',
			default: '={{ $json.id }}',
			required: true,
			description: 'The stored document; by default the one a List or Add before this node put on the item',
		},
		{
			displayName: 'Put Output File in Field',
			name: 'binaryPropertyName',
			type: 'string',
			default: 'data',
			required: true,
			hint: 'The name of the output binary field to put the file in',
			description: 'The binary property the file lands in; other files of the item stay',
		},
	],
);

/** GET /documents/:id and its content: the document as json, its bytes as a file under its own name and type. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<WithFiles> {
	const documentId = requiredStringParameter.call(this, 'documentId', itemIndex, 'Set the Document ID to download');
	const property = requiredStringParameter.call(this, 'binaryPropertyName', itemIndex, 'Set the field to put the file in');
	const path = `/documents/${encodeURIComponent(documentId)}`;
	const document = (await caseflowRequest.call(this, { method: 'GET', path })) as DocumentResponse;
	const bytes = await caseflowDownload.call(this, `${path}/content`);
	const file = await this.helpers.prepareBinaryData(bytes, document.name, document.contentType);
	return new WithFiles(document, { [property]: file });
}
