import type { INodeProperties } from 'n8n-workflow';
import { processProperty, stageProperty } from '../shared/descriptions';

export const launchWorkflowProperties: INodeProperties[] = [
	processProperty(),
	{
		displayName: 'Entity Type Name or ID',
		name: 'entityType',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getEntityTypes' },
		default: '',
		description:
			'What the case is about (booking, invoice, employee…). Choose from the list, or specify its key using an <a href="https://docs.n8n.io/code/expressions/">expression</a>. Leave empty when attaching to an instance the UI started.',
	},
	{
		displayName: 'Entity External ID',
		name: 'entityExternalId',
		type: 'string',
		default: '',
		placeholder: 'e.g. B-1042',
		description:
			'The id of the entity in your own system. Caseflow upserts the entity by type and external ID.',
	},
	{
		displayName: 'Entity Name',
		name: 'entityName',
		type: 'string',
		default: '',
		placeholder: 'e.g. Ada Lovelace',
	},
	{
		displayName: 'Entity Fields',
		name: 'entityFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Attributes (JSON)',
				name: 'attributes',
				type: 'json',
				default: '{}',
				description: 'Extra facts about the entity, merged into what Caseflow already holds',
			},
			{
				displayName: 'Email',
				name: 'email',
				type: 'string',
				placeholder: 'name@email.com',
				default: '',
			},
			{
				displayName: 'Manager Email',
				name: 'managerEmail',
				type: 'string',
				placeholder: 'name@email.com',
				default: '',
			},
		],
	},
	{
		displayName: 'Initial Data (JSON)',
		name: 'data',
		type: 'json',
		default: '={{ $json.body?.data ?? {} }}',
		description: 'The case data the instance starts with; later nodes read and update it',
	},
	{
		displayName: 'Idempotency Key',
		name: 'idempotencyKey',
		type: 'string',
		default: "={{ $json.headers?.['idempotency-key'] ?? '' }}",
		description:
			'The same key for the same process returns the same case, so a retried webhook starts one case, not two. When empty, a key is derived from the content of the incoming item.',
	},
	{
		displayName: 'Attach to Instance ID',
		name: 'instanceId',
		type: 'string',
		default: '={{ $json.body?.instanceId ?? $json.instanceId ?? \'\' }}',
		description:
			'When a reviewer starts the workflow from the Caseflow UI, the case already exists: its ID arrives on the item and this node attaches to it instead of launching a new one',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Existing Entity ID',
				name: 'entityId',
				type: 'string',
				default: '',
				description: 'Start the case for an entity Caseflow already holds, instead of upserting one',
			},
			stageProperty({
				displayName: 'Initial Stage Name or ID',
				description:
					'The stage the case starts in, instead of the process\'s first. Choose from the list, or specify its key using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			}),
		],
	},
];
