import type { INodeProperties } from 'n8n-workflow';
import { processProperty, stageProperty } from '../shared/descriptions';
import { relationsOption } from '../shared/relations';
import { ITEM_DEFAULTS } from '../shared/parameters';
import { launchDocumentOptions } from './documents';

const V2 = { '@version': [2] };
/** Shown in version 2 when launching (not in "find" mode), and always in version 1. */
const LAUNCHING = { hide: { mode: ['find'] } };

export const launchWorkflowProperties: INodeProperties[] = [
	{
		displayName: 'Mode',
		name: 'mode',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: V2 },
		default: 'launch',
		options: [
			{
				name: 'Launch or Find the Case',
				value: 'launch',
				description: 'Start a case, or find the one this idempotency key (or the UI) already started',
			},
			{
				name: 'Find an Existing Case Only',
				value: 'find',
				description: 'For follow-up flows (a booking cancelled, an invoice paid): never creates a case',
			},
		],
	},
	{
		displayName: 'When the Case Already Exists',
		name: 'whenExists',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { ...V2, mode: ['launch'] } },
		default: 'separateOutput',
		options: [
			{
				name: "Use the 'Existing Case' Output",
				value: 'separateOutput',
				description:
					'A repeated launch (retried webhook, double submit) leaves on its own output, so the steps after "New Case" run once per case',
			},
			{
				name: 'Continue on the Same Output',
				value: 'sameOutput',
				description: 'Every item goes on; $json.caseflow.created says whether the case is new',
			},
		],
	},
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
			'The id of the entity in your own system. Caseflow upserts the entity by type and external ID (in "find" mode: finds its case).',
	},
	{
		displayName: 'Entity Name',
		name: 'entityName',
		displayOptions: LAUNCHING,
		type: 'string',
		default: '',
		placeholder: 'e.g. Ada Lovelace',
	},
	{
		displayName: 'Entity Fields',
		name: 'entityFields',
		displayOptions: LAUNCHING,
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
			relationsOption,
		],
	},
	{
		displayName: 'Initial Data (JSON)',
		name: 'data',
		displayOptions: LAUNCHING,
		type: 'json',
		default: ITEM_DEFAULTS.launchData,
		description: 'The case data the instance starts with; later nodes read and update it',
	},
	{
		displayName: 'Idempotency Key',
		name: 'idempotencyKey',
		type: 'string',
		default: ITEM_DEFAULTS.launchIdempotencyKey,
		description:
			'The same key for the same process returns the same case, so a retried webhook starts one case, not two. When empty, a key is derived from the content of the incoming item.',
	},
	{
		displayName: 'Attach to Instance ID',
		name: 'instanceId',
		type: 'string',
		default: ITEM_DEFAULTS.launchInstanceId,
		description:
			'When a reviewer starts the workflow from the Caseflow UI, the case already exists: its ID arrives on the item and this node attaches to it instead of launching a new one',
	},
	{
		displayName: 'Include Closed Cases',
		name: 'includeClosed',
		type: 'boolean',
		displayOptions: { show: { ...V2, mode: ['find'] } },
		default: false,
		description:
			'Whether a completed or cancelled case counts as found. By default only open cases (active, waiting, needing attention) do.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		displayOptions: LAUNCHING,
		placeholder: 'Add Option',
		default: {},
		options: [
			...launchDocumentOptions,
			{
				displayName: 'Existing Entity ID',
				name: 'entityId',
				type: 'string',
				default: '',
				description: 'Start the case for an entity Caseflow already holds, instead of upserting one',
			},
			{
				displayName: 'Steps Run in Another Flow',
				name: 'handOver',
				type: 'boolean',
				default: false,
				description:
					"Whether this flow only starts the case and hands it to another (e.g. a public form handing over to the process's webhook flow, which attaches with Attach to Instance ID): this execution then does not claim the case's steps, so that flow's first attach leaves on 'New Case'",
			},
			stageProperty({
				displayName: 'Initial Stage Name or ID',
				description:
					'The stage the case starts in, instead of the process\'s first. Choose from the list, or specify its key using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			}),
		],
	},
];
