import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { caseflowRequest } from './transport';
import type {
	EntityTypeResponse,
	MessageTemplateResponse,
	Page,
	ProcessResponse,
	QueueResponse,
} from './types';

const PAGE_SIZE = 500;
const MAX_PAGES = 10;

/** Reads every page of a list endpoint (some answer a bare array). */
async function listAll(this: ILoadOptionsFunctions, path: string, qs: IDataObject = {}): Promise<unknown[]> {
	const all: unknown[] = [];
	for (let page = 0; page < MAX_PAGES; page++) {
		const response = (await caseflowRequest.call(this, {
			method: 'GET',
			path,
			qs: { ...qs, limit: PAGE_SIZE, offset: page * PAGE_SIZE },
		})) as Page<unknown> | unknown[];
		if (Array.isArray(response)) return response;
		all.push(...response.items);
		if (all.length >= response.total || response.items.length === 0) break;
	}
	return all;
}

function currentProcessKey(this: ILoadOptionsFunctions): string {
	try {
		const value = this.getCurrentNodeParameter('processKey');
		return typeof value === 'string' && !value.startsWith('=') ? value : '';
	} catch {
		// Nodes without a process parameter (Assign Stage) list the stages of every process.
		return '';
	}
}

const byName = (a: INodePropertyOptions, b: INodePropertyOptions) => a.name.localeCompare(b.name);

export async function getProcesses(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const processes = (await listAll.call(this, '/processes')) as ProcessResponse[];
	return processes
		.map((process) => ({
			name: process.status === 'published' ? process.name : `${process.name} (${process.status})`,
			value: process.key,
			description: `${process.key} v${process.version}`,
		}))
		.sort(byName);
}

export async function getQueues(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const queues = (await listAll.call(this, '/queues')) as QueueResponse[];
	return queues.map((queue) => ({ name: queue.name, value: queue.key, description: queue.key })).sort(byName);
}

export async function getEntityTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const types = (await listAll.call(this, '/entity-types')) as EntityTypeResponse[];
	return types.map((type) => ({ name: type.name, value: type.key })).sort(byName);
}

export async function getMessageTemplates(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const templates = (await listAll.call(this, '/message-templates')) as MessageTemplateResponse[];
	return templates
		.map((template) => ({ name: template.name, value: template.key, description: template.key }))
		.sort(byName);
}

async function processesInScope(this: ILoadOptionsFunctions): Promise<ProcessResponse[]> {
	const processKey = currentProcessKey.call(this);
	if (processKey) {
		const process = (await caseflowRequest.call(this, {
			method: 'GET',
			path: `/processes/${encodeURIComponent(processKey)}`,
		})) as ProcessResponse;
		return [process];
	}
	return (await listAll.call(this, '/processes')) as ProcessResponse[];
}

export async function getStages(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const processes = await processesInScope.call(this);
	const seen = new Set<string>();
	const options: INodePropertyOptions[] = [];
	for (const process of processes) {
		for (const stage of process.stages ?? []) {
			if (seen.has(stage.key)) continue;
			seen.add(stage.key);
			options.push({
				name: processes.length === 1 ? stage.name : `${stage.name} (${process.name})`,
				value: stage.key,
				description: stage.key,
			});
		}
	}
	return options;
}

export async function getProcessDecisions(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	if (!currentProcessKey.call(this)) return [];
	const [process] = await processesInScope.call(this);
	return (process?.decisions ?? []).map((decision) => ({
		name: decision.label || decision.key,
		value: decision.key,
		description: decision.commentRequired ? `${decision.key} (comment required)` : decision.key,
	}));
}
