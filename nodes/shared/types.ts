import type { IDataObject } from 'n8n-workflow';

/** The parts of the Caseflow REST API (v1) the nodes read; see the API contract for the full shapes. */

export interface EntityResponse extends IDataObject {
	id: string;
	type: string;
	externalId: string;
	name: string;
	email: string | null;
	managerEmail: string | null;
	attributes: IDataObject;
}

export interface StageRef extends IDataObject {
	key: string;
	name: string;
	enteredAt: string;
	slaDueAt: string | null;
}

export interface InstanceResponse extends IDataObject {
	id: string;
	processKey: string;
	processVersion: number;
	status: string;
	currentStage: StageRef | null;
	outcome: string | null;
	data: IDataObject;
	entity: EntityResponse;
}

export interface DecisionDefinition extends IDataObject {
	key: string;
	label: string;
	commentRequired?: boolean;
}

export interface StageDefinition extends IDataObject {
	key: string;
	name: string;
}

export interface ProcessResponse extends IDataObject {
	key: string;
	version: number;
	status: string;
	name: string;
	stages: StageDefinition[];
	decisions: DecisionDefinition[];
}

export interface QueueResponse extends IDataObject {
	id: string;
	key: string;
	name: string;
}

export interface MessageTemplateResponse extends IDataObject {
	key: string;
	name: string;
}

export interface EntityTypeResponse extends IDataObject {
	key: string;
	name: string;
}

export interface TaskResponse extends IDataObject {
	id: string;
	instanceId: string;
	status: string;
	dueAt: string | null;
}

export interface TimerResponse extends IDataObject {
	id: string;
	fireAt: string;
	/** pending, fired, past (its time had passed at registration or when its anchor moved) or cancelled. */
	status: string;
	alreadyDue?: boolean;
	/** The backend keeps it but resumes nobody: the wait is short enough to stay in n8n's process. */
	inProcess?: boolean;
}

export interface WebhookSubscriptionResponse extends IDataObject {
	id: string;
	events: string[];
	targetUrl: string;
	processKey: string | null;
}

/** A file stored on a case (GET /documents/:id). */
export interface DocumentResponse extends IDataObject {
	id: string;
	instanceId: string;
	name: string;
	contentType: string;
	size: number;
	sha256: string;
	kind: string;
	field: string | null;
	source: string;
	taskId: string | null;
	addedBy: IDataObject;
	createdAt: string;
	url: string;
}

export interface Page<T> {
	items: T[];
	total: number;
	limit: number;
	offset: number;
}

/** What the backend posts to a resume URL (signed, see signature.ts). */
export type ResumeBody =
	| {
			kind: 'decision';
			taskId: string;
			instanceId: string;
			decision: string;
			comment: string | null;
			fields: IDataObject | null;
			decidedBy: IDataObject | null;
			decidedAt: string;
	  }
	| { kind: 'timer'; timerId: string; instanceId: string | null; firedAt: string; fireAt: string; late: boolean; status: 'fired' | 'past' }
	| { kind: 'timeout'; taskId: string; instanceId: string }
	/** The case closed while the execution waited: the node ends the execution on no output. */
	| { kind: 'released'; taskId?: string; timerId?: string; instanceId: string; reason: 'completed' | 'cancelled' };
