import type { INodeProperties } from 'n8n-workflow';

export const CASEFLOW_EVENTS = [
	{ name: 'Case Cancelled', value: 'instance.cancelled' },
	{ name: 'Case Completed', value: 'instance.completed' },
	{ name: 'Case Escalated', value: 'instance.escalated' },
	{
		name: 'Case Failed',
		value: 'instance.failed',
		description: 'An n8n execution of the case failed, or n8n refused to resume it: the case needs attention',
	},
	{ name: 'Case Launched', value: 'instance.launched' },
	{ name: 'Case Stalled', value: 'instance.stalled', description: 'Sat in a stage longer than its stall threshold' },
	{ name: 'Decision Made', value: 'task.decided' },
	{ name: 'Message Sent', value: 'message.sent' },
	{ name: 'Stage Entered', value: 'stage.entered' },
	{ name: 'Task Created', value: 'task.created' },
	{ name: 'Task Escalated', value: 'task.escalated' },
	{ name: 'Task Overdue', value: 'task.overdue' },
	{ name: 'Any Event', value: '*' },
];

export const caseflowTriggerProperties: INodeProperties[] = [
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		options: CASEFLOW_EVENTS,
		default: [],
		required: true,
		description: 'The Caseflow events that start this workflow',
	},
	{
		displayName: 'Only Process Name or ID',
		name: 'processKey',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getProcesses' },
		default: '',
		description:
			'Only events of cases of this process; empty for all. Choose from the list, or specify a key using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
];
