import type { IDataObject } from 'n8n-workflow';

/**
 * The node's outputs, computed by n8n from the parameters (like the Switch node's rules). n8n runs this
 * function as an expression, so it must stay self-contained: no imports, no helpers from this file.
 *
 * "Timed Out" comes first on purpose: when n8n itself ends the wait (the time limit passed), it hands the
 * waiting item to the first output, so that output must be the one meaning "nobody decided".
 */
export const awaitDecisionOutputs = (parameters: IDataObject) => {
	if (parameters.outputMode === 'single') return [{ type: 'main', displayName: 'Decision' }];
	// n8n's expression sandbox hides globals such as Array and String: plain operators only.
	const picked = parameters.processDecisions as string[] | string | undefined;
	const keys = typeof picked === 'object' && picked !== null ? picked : [];
	const typed = parameters.decisions as { values?: Array<{ key?: string; label?: string }> } | undefined;
	const decisions =
		parameters.decisionSource === 'process' ? keys.map((key) => ({ key: '' + key, label: '' + key })) : (typed?.values ?? []);
	return [
		{ type: 'main', displayName: 'Timed Out' },
		...decisions.map((decision) => ({ type: 'main', displayName: decision.label || decision.key || '?' })),
	];
};

export const TIMED_OUT_OUTPUT = 0;
