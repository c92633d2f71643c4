import type { IDataObject } from 'n8n-workflow';

export const INSTANCE_ID = '6b7c2f2e-1d7e-4a53-9a8e-0f5f4a1c2b3d';

export function instanceFixture(overrides: IDataObject = {}): IDataObject {
	return {
		id: INSTANCE_ID,
		processKey: 'refunds',
		processVersion: 3,
		status: 'active',
		currentStage: { key: 'review', name: 'Review', enteredAt: '2026-11-02T09:00:00.000Z', slaDueAt: '2026-11-03T09:00:00.000Z' },
		outcome: null,
		data: { amount: 120 },
		entity: {
			id: 'e-1',
			type: 'client',
			externalId: 'C-42',
			name: 'Ada Lovelace',
			email: 'ada@example.com',
			managerEmail: 'boss@example.com',
			attributes: {},
		},
		n8nExecutionId: 'exec-1',
		idempotencyKey: 'k',
		...overrides,
	};
}

export const CASEFLOW_CONTEXT = {
	instanceId: INSTANCE_ID,
	processKey: 'refunds',
	processVersion: 3,
	status: 'active',
	entity: { id: 'e-1', type: 'client', externalId: 'C-42', name: 'Ada Lovelace', email: 'ada@example.com', managerEmail: 'boss@example.com' },
	stage: { key: 'review', name: 'Review', enteredAt: '2026-11-02T09:00:00.000Z', slaDueAt: '2026-11-03T09:00:00.000Z' },
};
