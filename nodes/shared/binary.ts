import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** One file of an item, read whole and ready to send to the backend as JSON. */
export interface ItemFile {
	property: string;
	fileName: string;
	mimeType: string;
	/** The bytes, base64. */
	content: string;
}

export const splitList = (value: string): string[] =>
	value
		.split(',')
		.map((entry) => entry.trim())
		.filter((entry) => entry !== '');

/**
 * The binary properties a comma list names; "*" means every file the item carries (a webhook upload's
 * form field, a Form Trigger's file field…), whatever its property name, and none when it carries none.
 */
export function namedFiles(listed: string[], item: INodeExecutionData): string[] {
	return listed.includes('*') ? Object.keys(item.binary ?? {}) : [...new Set(listed)];
}

/**
 * Reads the named files of an item. Through getBinaryDataBuffer, so files n8n keeps on disk (its
 * filesystem binary mode) are read as well as small inline ones. A name the item lacks is an error that
 * lists the names it has, since a form field's name is easy to get wrong.
 */
export async function readItemFiles(
	this: IExecuteFunctions,
	itemIndex: number,
	item: INodeExecutionData,
	names: string[],
	purpose: string,
): Promise<ItemFile[]> {
	const files: ItemFile[] = [];
	for (const property of names) {
		const binary = item.binary?.[property];
		if (!binary) {
			const available = Object.keys(item.binary ?? {});
			throw new NodeOperationError(this.getNode(), `The item has no binary property "${property}" ${purpose}`, {
				itemIndex,
				description: available.length
					? `Its binary properties are: ${available.join(', ')}.`
					: 'The item carries no files; read or download one in an earlier node.',
			});
		}
		const buffer = await this.helpers.getBinaryDataBuffer(itemIndex, property);
		files.push({
			property,
			fileName: binary.fileName ?? `${property}${binary.fileExtension ? `.${binary.fileExtension}` : ''}`,
			mimeType: binary.mimeType || 'application/octet-stream',
			content: buffer.toString('base64'),
		});
	}
	return files;
}
