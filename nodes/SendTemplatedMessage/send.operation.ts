import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { namedFiles, readItemFiles, splitList } from '../shared/binary';
import { jsonObjectParameter, requiredStringParameter, stringParameter } from '../shared/parameters';
import { caseflowRequest } from '../shared/transport';
import { caseDocuments } from './documents';

function content(this: IExecuteFunctions, itemIndex: number): IDataObject {
	if (this.getNodeParameter('source', itemIndex) === 'template') {
		return { templateKey: requiredStringParameter.call(this, 'templateKey', itemIndex, 'Choose the Template to send') };
	}
	const inline: IDataObject = {
		subject: requiredStringParameter.call(this, 'subject', itemIndex, 'Write a Subject for the message'),
	};
	const html = stringParameter.call(this, 'html', itemIndex);
	const text = stringParameter.call(this, 'text', itemIndex);
	if (!html && !text) {
		throw new NodeOperationError(this.getNode(), 'Write an HTML Body or a Text Body', { itemIndex });
	}
	if (html) inline.html = html;
	if (text) inline.text = text;
	return { inline };
}

function recipients(this: IExecuteFunctions, itemIndex: number, instanceId: string): IDataObject {
	const more = this.getNodeParameter('recipients', itemIndex, {}) as IDataObject;
	const to: IDataObject = {};
	if (this.getNodeParameter('toEntity', itemIndex, true)) to.entity = true;
	if (this.getNodeParameter('toManager', itemIndex, false)) to.manager = true;
	if (more.queue) to.queue = `${more.queue}`.trim();
	const addresses = splitList(`${more.addresses ?? ''}`);
	if (addresses.length > 0) to.addresses = addresses;
	if (Object.keys(to).length === 0) {
		throw new NodeOperationError(this.getNode(), 'Choose at least one recipient', {
			itemIndex,
			description: 'Send to the entity, its manager, a queue or given addresses.',
		});
	}
	if ((to.entity || to.manager) && !instanceId) {
		throw new NodeOperationError(this.getNode(), 'Sending to the entity or its manager needs the case', {
			itemIndex,
			description: 'Set Instance ID (or put a Launch Workflow node before this one), or send to addresses or a queue instead.',
		});
	}
	return to;
}

async function attachments(
	this: IExecuteFunctions,
	itemIndex: number,
	item: INodeExecutionData,
): Promise<IDataObject[]> {
	const names = namedFiles(splitList(stringParameter.call(this, 'attachments', itemIndex)), item);
	const files = await readItemFiles.call(this, itemIndex, item, names, 'to attach');
	return files.map((file) => ({ filename: file.fileName, contentType: file.mimeType, content: file.content }));
}

/** POST /messages: Caseflow renders the template with the case and sends (or keeps it in the dev mailbox). */
export async function sendMessage(
	this: IExecuteFunctions,
	itemIndex: number,
	item: INodeExecutionData,
): Promise<IDataObject> {
	const instanceId = stringParameter.call(this, 'instanceId', itemIndex);
	const body: IDataObject = {
		...content.call(this, itemIndex),
		to: recipients.call(this, itemIndex, instanceId),
		data: jsonObjectParameter.call(this, 'data', 'Extra Template Data', itemIndex),
	};
	if (instanceId) body.instanceId = instanceId;
	const attachDocuments = caseDocuments.call(this, itemIndex, instanceId);
	const files = await attachments.call(this, itemIndex, item);
	if (files.length > 0) body.attachments = files;
	if (attachDocuments) body.attachDocuments = attachDocuments;

	const message = (await caseflowRequest.call(this, { method: 'POST', path: '/messages', body })) as IDataObject;
	return {
		...item.json,
		message: {
			id: message.id,
			subject: message.subject,
			text: message.text,
			recipients: message.recipients,
			status: message.status,
		},
	};
}
