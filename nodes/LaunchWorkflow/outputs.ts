import type { IDataObject } from 'n8n-workflow';

/**
 * Computed by n8n from the node version and parameters; must stay self-contained (n8n runs it as an
 * expression). Version 1 had one output. Version 2 tells a new case from one that already existed (a
 * retried webhook) without an IF node, and "find" mode tells a found case from none.
 */
export const launchWorkflowOutputs = (version: number, parameters: IDataObject) => {
	if (version < 2) return [{ type: 'main', displayName: '' }];
	if (parameters.mode === 'find') {
		return [
			{ type: 'main', displayName: 'Found' },
			{ type: 'main', displayName: 'Not Found' },
		];
	}
	if (parameters.whenExists === 'sameOutput') return [{ type: 'main', displayName: 'Case' }];
	return [
		{ type: 'main', displayName: 'New Case' },
		{ type: 'main', displayName: 'Existing Case' },
	];
};

export const NEW_CASE_OUTPUT = 0;
export const EXISTING_CASE_OUTPUT = 1;
export const FOUND_OUTPUT = 0;
export const NOT_FOUND_OUTPUT = 1;
