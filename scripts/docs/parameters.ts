import type { INodeProperties, INodePropertyCollection, INodePropertyOptions, NodeParameterValue } from 'n8n-workflow';
import { code, plainText, table, value } from './markdown';

/** One parameter of a node or credential, with where it sits among collections ("options.stageKey"). */
export interface ParameterEntry {
	path: string;
	depth: number;
	property: INodeProperties;
	/** The parameters beside it, which its display conditions refer to. */
	siblings: INodeProperties[];
}

type PropertyOption = INodePropertyOptions | INodeProperties | INodePropertyCollection;

const isGroup = (option: PropertyOption): option is INodePropertyCollection => 'values' in option;
const isProperty = (option: PropertyOption): option is INodeProperties => 'type' in option && !isGroup(option);
const isChoice = (option: PropertyOption): option is INodePropertyOptions => 'value' in option;

/** Parameters the editor never shows a user, so they need no documentation. */
export const isVisible = (property: INodeProperties): boolean => property.type !== 'hidden' && property.type !== 'notice';

/** Every parameter in order, collections and fixed collections opened, groups of fixed collections skipped. */
export function walkParameters(properties: INodeProperties[], parent = '', depth = 0): ParameterEntry[] {
	return properties.flatMap((property) => {
		const path = parent ? `${parent}.${property.name}` : property.name;
		const own: ParameterEntry = { path, depth, property, siblings: properties };
		const options = property.options ?? [];
		if (property.type === 'collection') return [own, ...walkParameters(options.filter(isProperty), path, depth + 1)];
		if (property.type !== 'fixedCollection') return [own];
		const list = property.typeOptions?.multipleValues ? '[]' : '';
		return [own, ...options.filter(isGroup).flatMap((group) => walkParameters(group.values, `${path}.${group.name}${list}`, depth + 1))];
	});
}

function choiceName(candidates: INodeProperties[], raw: NodeParameterValue): string {
	for (const candidate of candidates) {
		const choice = (candidate.options ?? []).filter(isChoice).find((option) => option.value === raw);
		if (choice) return choice.name;
	}
	return JSON.stringify(raw);
}

const CONDITIONS: Record<string, string> = { eq: '=', not: '≠', gte: '≥', lte: '≤', gt: '>', lt: '<', startsWith: 'starts with', endsWith: 'ends with', includes: 'includes', regex: 'matches', exists: 'is set' };

function conditionText(key: string, values: unknown[], scope: INodeProperties[]): string {
	if (key === '@version') return `node version ${values.map((raw) => JSON.stringify(raw)).join(' or ')}`;
	const candidates = scope.filter((property) => property.name === key);
	const label = candidates[0]?.displayName ?? key;
	if (values.length === 1 && typeof values[0] === 'boolean') return `${label} is ${values[0] ? 'on' : 'off'}`;
	const named = values.map((raw) => {
		if (typeof raw === 'object' && raw !== null && '_cnd' in raw) {
			const [[operator, operand]] = Object.entries((raw as { _cnd: Record<string, unknown> })._cnd);
			return `${CONDITIONS[operator] ?? operator} ${JSON.stringify(operand)}`;
		}
		return `= ${choiceName(candidates, raw as NodeParameterValue)}`;
	});
	return `${label} ${named.join(' or ').replace(/ or = /g, ' or ')}`;
}

/** `displayOptions` in words: "Owner = Queue", "Due = In Minutes or At a Date and Time and Time Out When Overdue is on". */
export function shownWhen(property: INodeProperties, scope: INodeProperties[]): string {
	const { show, hide } = property.displayOptions ?? {};
	const clauses = (conditions: Record<string, unknown[] | undefined> | undefined) =>
		Object.entries(conditions ?? {})
			.filter((entry): entry is [string, unknown[]] => Array.isArray(entry[1]))
			.map(([key, values]) => conditionText(key, values, scope));
	const parts = clauses(show);
	const hidden = clauses(hide);
	if (hidden.length > 0) parts.push(`not when ${hidden.join(' or ')}`);
	return parts.join(' and ');
}

function typeLabel(property: INodeProperties): string {
	const options = property.typeOptions ?? {};
	const notes = [
		options.password ? 'password' : '',
		options.rows ? 'multi-line' : '',
		options.minValue !== undefined ? `min ${options.minValue}` : '',
		options.maxValue !== undefined ? `max ${options.maxValue}` : '',
		options.multipleValues ? 'repeatable' : '',
		options.sortable ? 'sortable' : '',
	].filter(Boolean);
	return notes.length > 0 ? `${property.type} (${notes.join(', ')})` : property.type;
}

function defaultLabel(property: INodeProperties): string {
	const choices = (property.options ?? []).filter(isChoice);
	const choice = choices.find((option) => option.value === property.default);
	return choice ? `${value(property.default)} (${choice.name})` : value(property.default);
}

function descriptionLines(property: INodeProperties): string[] {
	const lines = [plainText(property.description)];
	const method = property.typeOptions?.loadOptionsMethod;
	if (method) {
		const dependsOn = property.typeOptions?.loadOptionsDependsOn ?? [];
		const after = dependsOn.length > 0 ? `, for the chosen ${dependsOn.map(code).join(', ')}` : '';
		lines.push(`Choices loaded from Caseflow (${code(method)}${after}).`);
	}
	if (property.type === 'options' || property.type === 'multiOptions') {
		for (const choice of (property.options ?? []).filter(isChoice)) {
			const about = plainText(choice.description);
			lines.push(`• ${choice.name} (${value(choice.value)})${about ? `: ${about}` : ''}`);
		}
	}
	return lines.filter(Boolean);
}

/** The parameter table of a node or credential; nested parameters are indented under their collection. */
export function parameterTable(properties: INodeProperties[]): string[] {
	const rows = walkParameters(properties)
		.filter((entry) => isVisible(entry.property))
		.map(({ path, depth, property, siblings }) => [
			`${'&emsp;'.repeat(depth)}${depth > 0 ? '↳ ' : ''}${property.displayName}`,
			code(path),
			typeLabel(property),
			defaultLabel(property),
			property.required ? 'yes' : '',
			shownWhen(property, siblings === properties ? properties : [...siblings, ...properties]),
			descriptionLines(property).join('\n'),
		]);
	return table(['Parameter', 'Name', 'Type', 'Default', 'Required', 'Shown when', 'Description'], rows);
}
