import type { INodeProperties } from 'n8n-workflow';
import { ITEM_DEFAULTS } from '../shared/parameters';

export const relativeDelayProperties: INodeProperties[] = [
	{
		displayName: 'Instance ID',
		name: 'instanceId',
		type: 'string',
		default: ITEM_DEFAULTS.optionalInstanceId,
		description:
			'The case the wait belongs to: it shows on the case, moves when its anchor date changes and ends when the case is cancelled. Required for an anchor read from the case.',
	},
	{
		displayName: 'Anchor',
		name: 'anchorSource',
		type: 'options',
		noDataExpression: true,
		default: 'date',
		options: [
			{ name: 'A Date', value: 'date', description: 'A date from this item, e.g. {{ $json.bookedAt }}' },
			{
				name: 'A Field of the Case',
				value: 'field',
				description: 'Read by Caseflow when the wait is registered, and followed when it changes',
			},
		],
	},
	{
		displayName: 'Anchor Date',
		name: 'anchorDate',
		type: 'dateTime',
		default: '',
		required: true,
		displayOptions: { show: { anchorSource: ['date'] } },
		description: 'The date the delay is relative to; without a time zone offset it is read in the Time Zone below',
	},
	{
		displayName: 'Anchor Field',
		name: 'anchorField',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'data.courseStart',
		displayOptions: { show: { anchorSource: ['field'] } },
		description:
			'Path to a date on the case: data.&lt;path&gt;, entity.attributes.&lt;path&gt;, entity.&lt;column&gt; or instance.createdAt',
	},
	{
		displayName: 'Amount',
		name: 'amount',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: 'How far from the anchor; 0 waits until the anchor itself',
	},
	{
		displayName: 'Unit',
		name: 'unit',
		type: 'options',
		default: 'days',
		options: [
			{ name: 'Business Days', value: 'businessDays', description: "Working days of the business calendar" },
			{ name: 'Days', value: 'days' },
			{ name: 'Hours', value: 'hours' },
			{ name: 'Minutes', value: 'minutes' },
			{ name: 'Months', value: 'months' },
			{ name: 'Weeks', value: 'weeks' },
		],
	},
	{
		displayName: 'Direction',
		name: 'direction',
		type: 'options',
		default: 'after',
		options: [
			{ name: 'After the Anchor', value: 'after' },
			{ name: 'Before the Anchor', value: 'before' },
		],
	},
	{
		displayName: 'If Already Past',
		name: 'ifPast',
		type: 'options',
		noDataExpression: true,
		default: 'continue',
		options: [
			{ name: 'Continue Now', value: 'continue', description: 'Leave on "On Time" straight away, with timer.late true' },
			{ name: 'Use "Too Late" Output', value: 'tooLate', description: 'Leave on a separate "Too Late" output' },
		],
		description:
			'What to do when the time has already passed when the item arrives — or later, when the date it waits for moves into the past (the case data changed)',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Business Calendar Key',
				name: 'calendarKey',
				type: 'string',
				default: '',
				description: "The calendar business days are counted in; by default the case's process calendar",
			},
			{
				displayName: 'Label',
				name: 'label',
				type: 'string',
				default: '',
				description: 'Shown on the case as "waiting until …"; by default the name of this node',
			},
			{
				displayName: 'Time of Day',
				name: 'timeOfDay',
				type: 'string',
				default: '',
				placeholder: '09:00',
				description: 'Fire at this local time (HH:MM, 24-hour) on the day reached',
			},
			{
				displayName: 'Time Zone',
				name: 'timeZone',
				type: 'string',
				default: '',
				placeholder: 'Europe/London',
				description: "IANA time zone for the time of day and dates without an offset; by default the workflow's",
			},
		],
	},
];
