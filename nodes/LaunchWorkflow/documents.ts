import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { namedFiles, readItemFiles, splitList } from '../shared/binary';

/** Options of Launch Workflow that store the item's files on the new case (sorted as n8n's lint wants). */
export const launchDocumentOptions: INodeProperties[] = [
	{
		displayName: 'Document Field',
		name: 'documentField',
		type: 'string',
		default: '',
		placeholder: 'e.g. data.referralLetter',
		description:
			"The intake field of type file these documents answer; Caseflow sets it to the stored document's ID, name, type and size",
	},
	{
		displayName: 'Document Kind',
		name: 'documentKind',
		type: 'string',
		default: 'intake',
		placeholder: 'e.g. referral-letter',
		description: 'The label the documents get on the case; messages can attach the documents of a kind',
	},
	{
		displayName: 'Documents From Binary',
		name: 'documentsBinary',
		type: 'string',
		default: '',
		placeholder: 'e.g. data, referralLetter',
		description:
			'Files of the item to store on the case: binary property names separated by commas (a Webhook upload\'s "data", a Form Trigger\'s file field), or * for every file the item carries',
	},
];

/**
 * The `documents` of the launch body: every file is checked by the backend before anything is written,
 * so a refused file fails the launch instead of leaving a case without its paperwork.
 */
export async function launchDocuments(
	this: IExecuteFunctions,
	itemIndex: number,
	item: INodeExecutionData,
	options: IDataObject,
): Promise<IDataObject[]> {
	const names = namedFiles(splitList(String(options.documentsBinary ?? '')), item);
	const files = await readItemFiles.call(this, itemIndex, item, names, 'to store on the case');
	const kind = String(options.documentKind ?? '').trim() || 'intake';
	const field = String(options.documentField ?? '').trim();
	return files.map((file) => ({
		name: file.fileName,
		contentType: file.mimeType,
		content: file.content,
		kind,
		...(field ? { field } : {}),
	}));
}
