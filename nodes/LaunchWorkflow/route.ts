import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { errorItem, passOn, withItemIndex } from '../shared/items';
import { findInstance, launchInstance } from './launch.operation';
import { EXISTING_CASE_OUTPUT, NEW_CASE_OUTPUT, NOT_FOUND_OUTPUT } from './outputs';

/**
 * Runs the launch (or find) per item and puts each item on its output: in version 2 a repeated launch
 * leaves on "Existing Case" and a follow-up that finds nothing on "Not Found", so the steps of a case
 * run once without an IF node. Items keep their files.
 */
export async function routeLaunches(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const version = this.getNode().typeVersion;
	const items = this.getInputData();
	const find = version >= 2 && this.getNodeParameter('mode', 0, 'launch') === 'find';
	const split = find || (version >= 2 && this.getNodeParameter('whenExists', 0, 'separateOutput') !== 'sameOutput');
	const outputs: INodeExecutionData[][] = split ? [[], []] : [[]];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const { json, matched } = await (find ? findInstance : launchInstance).call(this, itemIndex, items[itemIndex]);
			const other = find ? NOT_FOUND_OUTPUT : EXISTING_CASE_OUTPUT;
			outputs[split && !matched ? other : NEW_CASE_OUTPUT].push(passOn(items[itemIndex], json, itemIndex));
		} catch (error) {
			if (!this.continueOnFail()) throw withItemIndex(this.getNode(), error, itemIndex);
			outputs[NEW_CASE_OUTPUT].push(errorItem(error, itemIndex));
		}
	}
	return outputs;
}
