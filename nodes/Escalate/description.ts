import type { INodeProperties } from 'n8n-workflow';
import { instanceIdProperty, messageTemplateProperty, priorityOptions, queueProperty } from '../shared/descriptions';

export const escalateProperties: INodeProperties[] = [
	{
		displayName: 'Escalate',
		name: 'target',
		type: 'options',
		noDataExpression: true,
		default: 'instance',
		options: [
			{
				name: 'Open Task of the Case',
				value: 'instance',
				description: "The case's open task with the highest priority (oldest first)",
			},
			{ name: 'A Given Task', value: 'task' },
		],
	},
	{ ...instanceIdProperty, displayOptions: { show: { target: ['instance'] } } },
	{
		displayName: 'Task ID',
		name: 'taskId',
		type: 'string',
		default: '={{ $json.caseflow?.taskId ?? $json.taskId }}',
		required: true,
		displayOptions: { show: { target: ['task'] } },
	},
	{
		displayName: 'Reassign To',
		name: 'reassignTo',
		type: 'options',
		noDataExpression: true,
		default: 'queue',
		options: [
			{ name: 'A Queue', value: 'queue' },
			{ name: 'A Person', value: 'person' },
			{ name: 'Nobody (Keep the Owner)', value: 'none', description: 'Only raise the priority and notify' },
		],
	},
	queueProperty({ name: 'toQueue', required: true, displayOptions: { show: { reassignTo: ['queue'] } } }),
	{
		displayName: 'Person (User ID or Email)',
		name: 'toUser',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'name@email.com',
		displayOptions: { show: { reassignTo: ['person'] } },
	},
	{
		displayName: 'Raise Priority To',
		name: 'priority',
		type: 'options',
		default: 0,
		options: [{ name: 'Keep Current Priority', value: 0 }, ...priorityOptions],
		description: 'The task never drops below its current priority',
	},
	{
		displayName: 'Reason',
		name: 'reason',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		required: true,
		placeholder: 'e.g. Overdue by 2 days',
		description: 'Why; shown on the task and the case timeline',
	},
	messageTemplateProperty({
		displayName: 'Notify With Template Name or ID',
		name: 'notifyTemplate',
		description:
			'Send this template to whoever now owns the task; leave empty to notify nobody. Choose from the list, or specify its key using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	}),
];
