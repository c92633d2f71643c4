import type { Client } from '../../../backend/test/support/test-app';
import type { E2eStack, WebhookAnswer } from './e2e-stack';

/** A webhook called twice with the same body, as a caller retrying after a timeout would, and what it left. */
export interface RepeatedCall {
  first: WebhookAnswer;
  repeat: WebhookAnswer;
  traces: Traces;
}

/** Which process, entity type and external id a call is about. */
export interface CaseKey {
  processKey: string;
  entityType: string;
  externalId: string;
}

export async function callTwice(stack: E2eStack, path: string, body: unknown, key: CaseKey): Promise<RepeatedCall> {
  const first = await stack.callWebhook(path, body);
  const repeat = await stack.callWebhook(path, body);
  return { first, repeat, traces: await tracesOf(stack.backend.admin, key) };
}

/** What Caseflow holds for one external id: entities of that type, and cases of the process for it. */
export interface Traces {
  entities: number;
  cases: number;
}

export async function tracesOf(admin: Client, { processKey, entityType, externalId }: CaseKey): Promise<Traces> {
  const entities = await admin.get(`/entities?type=${entityType}&q=${encodeURIComponent(externalId)}&limit=200`);
  const cases = await admin.get(`/instances?processKey=${processKey}&entityType=${entityType}&externalId=${encodeURIComponent(externalId)}&limit=200`);
  if (entities.status !== 200 || cases.status !== 200) throw new Error(`traces of ${externalId}: ${entities.status}, ${cases.status}`);
  const exact = (entities.body.items as Array<{ externalId: string }>).filter((e) => e.externalId === externalId);
  return { entities: exact.length, cases: cases.body.total as number };
}

/** A call the flow must refuse (or not find), and what it left behind: nothing, if all is well. */
export interface Refusal {
  answer: WebhookAnswer;
  traces: Traces;
}

export async function refusal(stack: E2eStack, path: string, body: unknown, key: CaseKey): Promise<Refusal> {
  const answer = await stack.tryWebhook(path, body);
  return { answer, traces: await tracesOf(stack.backend.admin, key) };
}

/** The first call started the case (201), the repeat found it (200, the same case): one entity, one case. */
export function expectOneCase(repeated: RepeatedCall, caseId: string): void {
  expect(repeated.first).toEqual({ status: 201, body: { caseId, status: 'created' } });
  expect(repeated.repeat).toEqual({ status: 200, body: { caseId, status: 'exists' } });
  expect(repeated.traces).toEqual({ entities: 1, cases: 1 });
}

/** 400 naming the missing intake field, and nothing written: no entity, no case. */
export function expectRefusedAtIntake(refused: Refusal, field: string): void {
  expect(refused.answer.status).toBe(400);
  expect(refused.answer.body.error).toContain(`${field} is required`);
  expect(refused.answer.body.fields).toEqual([{ field, messages: ['is required'] }]);
  expect(refused.traces).toEqual({ entities: 0, cases: 0 });
}

/** 404 naming what was not found, and nothing written: no entity, no case. */
export function expectNotFound(refusal: Refusal, error: string): void {
  expect(refusal.answer).toEqual({ status: 404, body: { error } });
  expect(refusal.traces).toEqual({ entities: 0, cases: 0 });
}
