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

/** What the nodes put under `caseflow` for instanceFixture(). */
export const CASEFLOW_CONTEXT = {
	instanceId: INSTANCE_ID,
	processKey: 'refunds',
	processVersion: 3,
	status: 'active',
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
	stage: { key: 'review', name: 'Review', enteredAt: '2026-11-02T09:00:00.000Z', slaDueAt: '2026-11-03T09:00:00.000Z' },
};

/** POST /waits/take when this delivery is the first for its wait: the case as it is now. */
export function takenReply(instance: IDataObject | null = instanceFixture()): IDataObject {
	return { taken: true, reason: null, instance };
}

/** POST /waits/take for a repeated delivery, or one meant for an earlier wait of the execution. */
export function notTakenReply(reason: 'already-taken' | 'superseded'): IDataObject {
	return { taken: false, reason, instance: null };
}

/** A file as n8n keeps it on an item (small files inline, base64). */
export const RECEIPT = { data: Buffer.from('%PDF-1.4 receipt').toString('base64'), mimeType: 'application/pdf', fileName: 'receipt.pdf' };
