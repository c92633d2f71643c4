import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { caseflowRequest } from '../shared/transport';
import type { DecisionDefinition, ProcessResponse } from '../shared/types';

const DECISION_KEY = /^[A-Za-z0-9_-]{1,100}$/;

/** The decision keys, in output order, as the node's parameters define them. */
export function configuredDecisionKeys(parameters: {
	decisionSource: string;
	decisions?: IDataObject;
	processDecisions?: unknown;
}): string[] {
	if (parameters.decisionSource === 'process') {
		return Array.isArray(parameters.processDecisions) ? parameters.processDecisions.map((key) => `${key}`) : [];
	}
	const values = (parameters.decisions?.values as IDataObject[] | undefined) ?? [];
	return values.map((decision) => `${decision.key ?? ''}`.trim());
}

function typedDecisions(this: IExecuteFunctions, itemIndex: number): DecisionDefinition[] {
	const values = ((this.getNodeParameter('decisions', itemIndex, {}) as IDataObject).values as IDataObject[]) ?? [];
	const decisions = values.map((value) => ({
		key: `${value.key ?? ''}`.trim(),
		label: `${value.label ?? ''}`.trim() || `${value.key ?? ''}`.trim(),
		commentRequired: value.commentRequired === true,
	}));
	if (decisions.length === 0) {
		throw new NodeOperationError(this.getNode(), 'Add at least one decision', {
			itemIndex,
			description: 'Each decision becomes a button for the reviewer and an output of this node.',
		});
	}
	const seen = new Set<string>();
	for (const decision of decisions) {
		if (!DECISION_KEY.test(decision.key)) {
			throw new NodeOperationError(this.getNode(), `Decision key "${decision.key}" is not valid`, {
				itemIndex,
				description: 'Use letters, digits, "-" or "_" (e.g. approve, needs_info).',
			});
		}
		if (seen.has(decision.key)) {
			throw new NodeOperationError(this.getNode(), `Decision key "${decision.key}" is used twice`, {
				itemIndex,
				description: 'Each decision needs its own key: the key decides which output the item leaves on.',
			});
		}
		seen.add(decision.key);
	}
	return decisions;
}

async function processDecisions(this: IExecuteFunctions, itemIndex: number): Promise<DecisionDefinition[]> {
	const processKey = `${this.getNodeParameter('processKey', itemIndex, '')}`.trim();
	const selected = configuredDecisionKeys({
		decisionSource: 'process',
		processDecisions: this.getNodeParameter('processDecisions', itemIndex, []),
	});
	if (!processKey || selected.length === 0) {
		throw new NodeOperationError(this.getNode(), 'Choose the Process and the Decisions reviewers may make', {
			itemIndex,
			description: 'Each chosen decision becomes an output of this node.',
		});
	}
	const process = (await caseflowRequest.call(this, {
		method: 'GET',
		path: `/processes/${encodeURIComponent(processKey)}`,
	})) as ProcessResponse;
	return selected.map((key) => {
		const decision = (process.decisions ?? []).find((candidate) => candidate.key === key);
		if (!decision) {
			throw new NodeOperationError(this.getNode(), `Process "${processKey}" has no decision "${key}"`, {
				itemIndex,
				description: `Its decisions are: ${(process.decisions ?? []).map((d) => d.key).join(', ') || 'none'}. Pick again from the list.`,
			});
		}
		return { key: decision.key, label: decision.label, commentRequired: decision.commentRequired === true };
	});
}

/** The decisions to offer, exactly in output order. */
export async function decisionsToOffer(this: IExecuteFunctions, itemIndex: number): Promise<DecisionDefinition[]> {
	const source = this.getNodeParameter('decisionSource', itemIndex) as string;
	return source === 'process'
		? await processDecisions.call(this, itemIndex)
		: typedDecisions.call(this, itemIndex);
}
