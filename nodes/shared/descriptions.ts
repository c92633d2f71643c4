import type { INodeProperties } from 'n8n-workflow';
import { ITEM_DEFAULTS } from './parameters';

/** Properties several Caseflow nodes share; each node composes the ones it needs. */

export const instanceIdProperty: INodeProperties = {
	displayName: 'Instance ID',
	name: 'instanceId',
	type: 'string',
	default: ITEM_DEFAULTS.instanceId,
	required: true,
	description:
		'The case this node acts on. By default the one an earlier Caseflow node (e.g. Launch Workflow) put on the item.',
};

export function processProperty(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Process Name or ID',
		name: 'processKey',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getProcesses' },
		default: '',
		required: true,
		description:
			'The Caseflow process. Choose from the list, or specify its key using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		...overrides,
	};
}

export function queueProperty(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Queue Name or ID',
		name: 'queue',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getQueues' },
		default: '',
		description:
			'A Caseflow queue (a group of people who own work). Choose from the list, or specify its key using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		...overrides,
	};
}

export function stageProperty(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Stage Name or ID',
		name: 'stageKey',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getStages', loadOptionsDependsOn: ['processKey'] },
		default: '',
		description:
			'A stage of the process. Choose from the list, or specify its key using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		...overrides,
	};
}

export function messageTemplateProperty(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Template Name or ID',
		name: 'templateKey',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getMessageTemplates' },
		default: '',
		description:
			'A Caseflow message template. Choose from the list, or specify its key using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		...overrides,
	};
}

export const decisionListProperty: INodeProperties = {
	displayName: 'Decisions',
	name: 'decisions',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true, sortable: true },
	placeholder: 'Add Decision',
	default: { values: [{ key: 'approve', label: 'Approve' }, { key: 'reject', label: 'Reject', commentRequired: true }] },
	description: 'What a reviewer can decide. Each decision gets its own output.',
	options: [
		{
			displayName: 'Decision',
			name: 'values',
			values: [
				{
					displayName: 'Key',
					name: 'key',
					type: 'string',
					default: '',
					required: true,
					placeholder: 'approve',
					description: 'Stable identifier sent back with the decision (letters, digits, - and _)',
				},
				{
					displayName: 'Label',
					name: 'label',
					type: 'string',
					default: '',
					placeholder: 'Approve',
					description: 'The button the reviewer sees, and the name of the output',
				},
				{
					displayName: 'Comment Required',
					name: 'commentRequired',
					type: 'boolean',
					default: false,
					description: 'Whether the reviewer must write a comment to make this decision',
				},
			],
		},
	],
};

export const priorityOptions = [
	{ name: 'Low', value: 1 },
	{ name: 'Normal', value: 2 },
	{ name: 'High', value: 3 },
	{ name: 'Urgent', value: 4 },
];
