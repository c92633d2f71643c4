import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { registerDelay } from './delay.operation';
import { relativeDelayProperties } from './description';
import { relativeDelayOutputs } from './outputs';
import { resumeOnTimer } from './resume.operation';
import { RESUME_WEBHOOK } from '../shared/resume-url';
import { CREDENTIAL_TYPE } from '../shared/transport';

/*
 * Deliberate exceptions (see docs/nodes.md): not usable as an AI tool, since it pauses the whole execution;
 * and its webhook is n8n's resume webhook (restartWebhook), which needs no registration lifecycle.
 */
// eslint-disable-next-line @n8n/community-nodes/node-usable-as-tool, @n8n/community-nodes/webhook-lifecycle-complete
export class RelativeDelay implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Relative Delay',
		name: 'relativeDelay',
		icon: { light: 'file:caseflow.svg', dark: 'file:caseflow.dark.svg' },
		group: ['organization'],
		version: 1,
		subtitle:
			'={{ $parameter["amount"] + " " + $parameter["unit"] + " " + $parameter["direction"] + " " + ($parameter["anchorSource"] === "field" ? $parameter["anchorField"] : "the anchor date") }}',
		description: 'Wait until a time relative to a date of the case, in calendar or business time',
		defaults: { name: 'Relative Delay' },
		inputs: [NodeConnectionTypes.Main],
		outputs: `={{(${relativeDelayOutputs})($parameter)}}`,
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		webhooks: [RESUME_WEBHOOK],
		properties: relativeDelayProperties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await registerDelay.call(this);
	}

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await resumeOnTimer.call(this);
	}
}
