import type { INodeProperties } from 'n8n-workflow';
import { ITEM_DEFAULTS } from '../shared/parameters';
import { messageTemplateProperty, queueProperty } from '../shared/descriptions';

export const sendTemplatedMessageProperties: INodeProperties[] = [
	{
		displayName: 'Instance ID',
		name: 'instanceId',
		type: 'string',
		default: ITEM_DEFAULTS.optionalInstanceId,
		description:
			'The case the message is about: its entity, data, stage and links are available to the template, and the message shows on its timeline. Leave empty for a message about no case.',
	},
	{
		displayName: 'Content',
		name: 'source',
		type: 'options',
		noDataExpression: true,
		default: 'template',
		options: [
			{ name: 'Saved Template', value: 'template', description: 'A versioned template kept in Caseflow' },
			{ name: 'Written Here', value: 'inline', description: 'A Handlebars subject and body typed into this node' },
		],
	},
	messageTemplateProperty({ required: true, displayOptions: { show: { source: ['template'] } } }),
	{
		displayName: 'Subject',
		name: 'subject',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'Your booking {{entity.externalId}} is confirmed',
		displayOptions: { show: { source: ['inline'] } },
		description: 'Handlebars, rendered by Caseflow with the case (entity, data, stage, links)',
	},
	{
		displayName: 'HTML Body',
		name: 'html',
		type: 'string',
		typeOptions: { rows: 6 },
		default: '',
		displayOptions: { show: { source: ['inline'] } },
		description: 'Handlebars; values are HTML-escaped',
	},
	{
		displayName: 'Text Body',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		displayOptions: { show: { source: ['inline'] } },
		description: 'Handlebars; the plain-text version',
	},
	{
		displayName: 'Send to the Entity',
		name: 'toEntity',
		type: 'boolean',
		default: true,
		description: 'Whether to send to the email address of the entity the case is about',
	},
	{
		displayName: "Send to the Entity's Manager",
		name: 'toManager',
		type: 'boolean',
		default: false,
		description: "Whether to send to the entity's manager email",
	},
	{
		displayName: 'More Recipients',
		name: 'recipients',
		type: 'collection',
		placeholder: 'Add Recipient',
		default: {},
		options: [
			{
				displayName: 'Addresses',
				name: 'addresses',
				type: 'string',
				default: '',
				placeholder: 'finance@example.com, ops@example.com',
				description: 'Email addresses, separated by commas',
			},
			queueProperty({
				description:
					'Everyone in this queue. Choose from the list, or specify its key using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			}),
		],
	},
	{
		displayName: 'Extra Template Data (JSON)',
		name: 'data',
		type: 'json',
		default: '{}',
		description: "Merged over the case's data when rendering",
	},
	{
		displayName: 'Attachments',
		name: 'attachments',
		type: 'string',
		default: '',
		placeholder: 'data, invoice',
		description:
			'Names of binary properties of the item to attach, separated by commas (e.g. "data" for a file uploaded to a Webhook node), or * for every file the item carries',
	},
	{
		displayName: 'Attach Case Documents',
		name: 'attachCaseDocuments',
		type: 'options',
		default: 'none',
		options: [
			{ name: 'None', value: 'none', description: 'Only the files named under Attachments' },
			{ name: 'All', value: 'all', description: 'Every document stored on the case (intake files, files added later)' },
			{ name: 'Of Certain Kinds', value: 'kinds', description: 'Only the documents of the kinds named under Document Kinds' },
		],
		description:
			"Documents stored on the case in Caseflow, attached by the backend; they count toward the message's 10 MB limit",
	},
	{
		displayName: 'Document Kinds',
		name: 'documentKinds',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'intake, referral-letter',
		displayOptions: { show: { attachCaseDocuments: ['kinds'] } },
		description: 'The kinds of case documents to attach, separated by commas',
	},
];
