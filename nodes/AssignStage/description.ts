import type { INodeProperties } from 'n8n-workflow';
import { instanceIdProperty, queueProperty, stageProperty } from '../shared/descriptions';

export const assignStageProperties: INodeProperties[] = [
	instanceIdProperty,
	stageProperty({ required: true }),
	{
		displayName: 'Owner',
		name: 'owner',
		type: 'options',
		noDataExpression: true,
		default: 'stageDefault',
		options: [
			{
				name: 'Stage Default',
				value: 'stageDefault',
				description: 'The owner queue the process defines for this stage',
			},
			{ name: 'Queue', value: 'queue', description: 'Hand the stage to a queue of people' },
			{ name: 'Person', value: 'person', description: 'Hand the stage to one person' },
		],
	},
	queueProperty({
		name: 'ownerQueue',
		displayName: 'Owner Queue Name or ID',
		required: true,
		displayOptions: { show: { owner: ['queue'] } },
	}),
	{
		displayName: 'Person (User ID)',
		name: 'assigneeId',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: { owner: ['person'] } },
		description: 'The Caseflow user who owns the stage',
	},
	{
		displayName: 'SLA Override (Minutes)',
		name: 'slaMinutes',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: "How long the stage may take before it breaches its SLA. 0 keeps the stage's own SLA.",
	},
	{
		displayName: 'Note',
		name: 'note',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		description: 'Why the case moves; shown on the case timeline',
	},
];
