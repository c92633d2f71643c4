import type { IDataObject } from 'n8n-workflow';

/** Computed by n8n from the parameters; must stay self-contained (n8n runs it as an expression). */
export const relativeDelayOutputs = (parameters: IDataObject) =>
	parameters.ifPast === 'tooLate'
		? [
				{ type: 'main', displayName: 'On Time' },
				{ type: 'main', displayName: 'Too Late' },
			]
		: [{ type: 'main', displayName: 'On Time' }];

export const ON_TIME_OUTPUT = 0;
export const TOO_LATE_OUTPUT = 1;
