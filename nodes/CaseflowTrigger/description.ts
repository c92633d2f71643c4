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
	{ name: 'Record Created', value: 'entity.created', description: 'A record of the chosen type was created' },
	{
		name: 'Record Updated',
		value: 'entity.updated',
		description: 'A record of the chosen type changed (optionally: a field changed, or became a value)',
	},
	{ name: 'Stage Entered', value: 'stage.entered' },
	{ name: 'Task Created', value: 'task.created' },
	{ name: 'Task Escalated', value: 'task.escalated' },
	{ name: 'Task Overdue', value: 'task.overdue' },
	{ name: 'Any Event', value: '*', description: 'Every case event; record events are chosen by name' },
];

/** Record events carry the record and its changes instead of a case. */
export const RECORD_EVENTS = ['entity.created', 'entity.updated'];
const showForRecords = { show: { events: RECORD_EVENTS } };

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
			'Only events of cases of this process; empty for all. Record events are not filtered by process. Choose from the list, or specify a key using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Record Type Name or ID',
		name: 'entityType',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getEntityTypes' },
		default: '',
		required: true,
		displayOptions: showForRecords,
		description:
			'Only changes to records of this type. Choose from the list, or specify a key using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Field',
		name: 'field',
		type: 'string',
		default: '',
		placeholder: 'status',
		displayOptions: showForRecords,
		description:
			'Only when this field changed: name, email, managerEmail, an attribute key (status means attributes.status) or a dotted attribute path (attributes.course.status). Empty for any change.',
	},
	{
		displayName: 'Value',
		name: 'value',
		type: 'string',
		default: '',
		placeholder: 'Completed',
		displayOptions: showForRecords,
		description:
			'With a Field: only when the field becomes this value (it had another before). Compared as text: numbers and booleans as written in JSON (3, true). Empty: whenever the field changes.',
	},
];
