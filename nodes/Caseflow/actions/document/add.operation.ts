import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { readItemFiles } from '../../../shared/binary';
import { instanceIdProperty } from '../../../shared/descriptions';
import { requiredStringParameter, stringParameter } from '../../../shared/parameters';
import { caseflowRequest } from '../../../shared/transport';
import type { DocumentResponse } from '../../../shared/types';

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['document'], operation: ['add'] } },
	[
		instanceIdProperty,
		{
			displayName: 'Input Binary Field',
			name: 'binaryPropertyName',
			type: 'string',
			default: 'data',
			required: true,
			hint: 'The name of the input binary field containing the file to store',
			description: 'The binary property of the item that holds the file, e.g. "data" for a Webhook upload',
		},
		{
			displayName: 'Kind',
			name: 'kind',
			type: 'string',
			default: 'supporting',
			placeholder: 'e.g. referral-letter',
			description: 'A label for the document; lists and messages can pick documents by kind',
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{
					displayName: 'File Name',
					name: 'fileName',
					type: 'string',
					default: '',
					placeholder: 'e.g. referral-letter.pdf',
					description: "The name the document gets on the case, instead of the file's own",
				},
				{
					displayName: 'Intake Field',
					name: 'field',
					type: 'string',
					default: '',
					placeholder: 'e.g. data.referralLetter',
					description: 'The intake field of type file this document answers',
				},
				{
					displayName: 'Task ID',
					name: 'taskId',
					type: 'string',
					default: '',
					description: 'The review task the document belongs to, e.g. $json.taskId after Await Decision',
				},
			],
		},
	],
);

/** POST /instances/:id/documents with one file of the item; the backend checks its size and type. */
export async function execute(this: IExecuteFunctions, itemIndex: number, item: INodeExecutionData): Promise<IDataObject> {
	const instanceId = requiredStringParameter.call(this, 'instanceId', itemIndex, 'Set the Instance ID of the case to add the document to');
	const property = requiredStringParameter.call(this, 'binaryPropertyName', itemIndex, 'Set the Input Binary Field that holds the file');
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const [file] = await readItemFiles.call(this, itemIndex, item, [property], 'to store on the case');
	const body: IDataObject = {
		name: String(options.fileName ?? '').trim() || file.fileName,
		contentType: file.mimeType,
		content: file.content,
	};
	const kind = stringParameter.call(this, 'kind', itemIndex);
	if (kind) body.kind = kind;
	if (String(options.field ?? '').trim()) body.field = String(options.field).trim();
	if (String(options.taskId ?? '').trim()) body.taskId = String(options.taskId).trim();
	return (await caseflowRequest.call(this, {
		method: 'POST',
		path: `/instances/${encodeURIComponent(instanceId)}/documents`,
		body,
	})) as DocumentResponse;
}
