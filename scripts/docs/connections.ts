import type { IDataObject, INodeProperties, INodeTypeDescription } from 'n8n-workflow';
import { Expression } from 'n8n-workflow';
import { walkParameters } from './parameters';

/**
 * Inputs and outputs in words. Outputs computed from parameters (an `={{ … }}` expression) are evaluated the
 * way the editor does, with the defaults and then with each choice that changes them, so the reference shows
 * real output names instead of code.
 */

type Connections = INodeTypeDescription['outputs'] | INodeTypeDescription['inputs'];

/** Stands for values a user picks from a list the backend supplies, which the reference cannot know. */
export const PICKED = ['‹first picked›', '‹second picked›'];

function connectionName(connection: unknown): string {
	if (typeof connection === 'string') return connection === 'main' ? 'Main' : connection;
	const { displayName, type } = connection as { displayName?: string; type?: string };
	return displayName || connectionName(type ?? '?');
}

function evaluate(expression: string, version: number, parameters: IDataObject): string | undefined {
	try {
		const result = Expression.resolveWithoutWorkflow(expression.replace(/^=/, ''), { $parameter: parameters, $nodeVersion: version });
		return Array.isArray(result) ? result.map(connectionName).join(', ') : undefined;
	} catch {
		return undefined;
	}
}

/** Shown in this node version; conditions other than a plain list of versions count as shown. */
function inVersion(property: INodeProperties, version: number): boolean {
	const versions = property.displayOptions?.show?.['@version'];
	return !versions || versions.some((entry) => typeof entry !== 'number' || entry === version);
}

/** What the editor would hold for a new node of this version: each parameter's default. */
function sampleParameters(properties: INodeProperties[], version: number): IDataObject {
	const parameters: IDataObject = {};
	for (const property of properties.filter((candidate) => inVersion(candidate, version))) {
		const loaded = property.type === 'multiOptions' && property.typeOptions?.loadOptionsMethod;
		parameters[property.name] = loaded ? PICKED : (property.default as IDataObject[string]);
	}
	return parameters;
}

/** Every other value of each top-level choice: the variations worth evaluating the outputs for. */
function variations(properties: INodeProperties[], version: number): Array<{ when: string; change: IDataObject }> {
	return walkParameters(properties)
		.filter(({ depth, property }) => depth === 0 && inVersion(property, version))
		.flatMap(({ property }) => {
			if (property.type === 'boolean') return [{ when: `${property.displayName} is ${property.default ? 'off' : 'on'}`, change: { [property.name]: !property.default } }];
			if (property.type !== 'options') return [];
			return (property.options ?? [])
				.filter((option): option is { name: string; value: string | number | boolean } => 'value' in option && option.value !== property.default)
				.map((option) => ({ when: `${property.displayName} = ${option.name}`, change: { [property.name]: option.value } }));
		});
}

/** The outputs of one node version: with the defaults, then each variation that gives other outputs. */
function outputsOfVersion(expression: string, version: number, properties: INodeProperties[], label: string): string[] {
	const base = sampleParameters(properties, version);
	const withDefaults = evaluate(expression, version, base);
	if (withDefaults === undefined) return [`${label || 'always'}: cannot be worked out here`];
	const lines: string[] = [];
	const seen = new Set([withDefaults]);
	for (const { when, change } of variations(properties, version)) {
		const outputs = evaluate(expression, version, { ...base, ...change });
		if (outputs === undefined || seen.has(outputs)) continue;
		seen.add(outputs);
		lines.push(`${label ? `${label}, ` : ''}with ${when}: ${outputs}`);
	}
	if (lines.length === 0) return [`${label || 'always'}: ${withDefaults}`];
	return [`${label ? `${label}, ` : ''}with the defaults: ${withDefaults}`, ...lines];
}

/** The first line says it all for fixed connections; computed ones list their cases on the lines after it. */
export function describeConnections(connections: Connections, properties: INodeProperties[], versions: number[]): string[] {
	if (Array.isArray(connections)) return [connections.length === 0 ? 'none' : connections.map(connectionName).join(', ')];
	const newestFirst = [...versions].sort((a, b) => b - a);
	const cases = newestFirst.flatMap((version) =>
		outputsOfVersion(connections, version, properties, versions.length > 1 ? `version ${version}` : ''),
	);
	return ['depend on the parameters', ...cases];
}
