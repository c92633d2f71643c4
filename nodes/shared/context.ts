import type { IDataObject } from 'n8n-workflow';
import type { CaseflowFunctions } from './transport';
import { caseflowRequest } from './transport';
import type { InstanceResponse } from './types';

/**
 * What every Caseflow node puts on its items under `caseflow`, so the next Caseflow node finds the case
 * (its Instance ID defaults to `$json.caseflow.instanceId`) and expressions can read the case
 * (`$json.caseflow.data.courseStart`, `$json.caseflow.entity.email`) without anyone wiring ids by hand.
 */
export interface CaseflowContext extends IDataObject {
	instanceId: string;
	processKey: string;
	processVersion: number;
	status: string;
	outcome: string | null;
	data: IDataObject;
	entity: IDataObject;
	stage: IDataObject | null;
}

export function toCaseflowContext(instance: InstanceResponse): CaseflowContext {
	const { entity, currentStage } = instance;
	return {
		instanceId: instance.id,
		processKey: instance.processKey,
		processVersion: instance.processVersion,
		status: instance.status,
		outcome: instance.outcome ?? null,
		data: instance.data ?? {},
		entity: entity
			? {
					id: entity.id,
					type: entity.type,
					externalId: entity.externalId,
					name: entity.name,
					email: entity.email,
					managerEmail: entity.managerEmail,
					attributes: entity.attributes ?? {},
				}
			: {},
		stage: currentStage
			? {
					key: currentStage.key,
					name: currentStage.name,
					enteredAt: currentStage.enteredAt,
					slaDueAt: currentStage.slaDueAt,
				}
			: null,
	};
}

export async function loadCaseflowContext(
	this: CaseflowFunctions,
	instanceId: string,
): Promise<CaseflowContext> {
	const instance = (await caseflowRequest.call(this, {
		method: 'GET',
		path: `/instances/${encodeURIComponent(instanceId)}`,
	})) as InstanceResponse;
	return toCaseflowContext(instance);
}

/**
 * For webhook() methods, which get no input item: reads the case again (it may also have moved on while
 * the execution waited). A failed read must not lose the call, so it falls back to the id alone.
 */
export async function caseContextOrId(
	this: CaseflowFunctions,
	instanceId: string | null | undefined,
): Promise<IDataObject> {
	if (!instanceId) return {};
	try {
		return await loadCaseflowContext.call(this, instanceId);
	} catch (error) {
		this.logger.warn(`Caseflow: could not read case ${instanceId}: ${(error as Error).message}`);
		return { instanceId };
	}
}
