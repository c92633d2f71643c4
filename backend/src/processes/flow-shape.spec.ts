import { BadRequestException } from '@nestjs/common';
import { CLEAN_FLOW, flowWith } from '../../test/api/process-flow.fixtures';
import { assertFlowShape, readFlow } from './flow-shape';
import type { ProcessFlow } from './process-flow';

const fieldsOf = (value: unknown) => readFlow(value).errors.map((error) => error.field);
/** A flow with one step replaced by a raw object, as a careless client might send it. */
const withStep = (index: number, step: Record<string, unknown>): unknown => {
  const flow = structuredClone(CLEAN_FLOW) as unknown as { steps: unknown[] };
  flow.steps[index] = step;
  return flow;
};

describe('readFlow', () => {
  it('reads a clean flow back unchanged, with no errors', () => {
    expect(readFlow(CLEAN_FLOW)).toEqual({ flow: CLEAN_FLOW, errors: [] });
  });

  it('wants an object with steps and links, and nothing else', () => {
    expect(fieldsOf('steps')).toEqual(['flow']);
    expect(fieldsOf({ steps: [], links: {}, extra: 1 })).toEqual(['flow.extra', 'flow.links']);
  });

  it('wants step ids of letters, digits, - and _, each used once', () => {
    const flow = flowWith((f) => f.steps.push({ id: 'has space', kind: 'start' }, { id: 'wait', kind: 'outcome', outcome: 'x' }));
    expect(fieldsOf(flow)).toEqual(['flow.steps[11].id', 'flow.steps[12].id']);
    expect(readFlow(flow).errors[1]).toEqual({ field: 'flow.steps[12].id', messages: ['id "wait" is already used by another step'], stepId: 'wait' });
  });

  it('wants a known kind', () => {
    expect(readFlow(withStep(1, { id: 'advisor', kind: 'subprocess' })).errors).toEqual([
      { field: 'flow.steps[1].kind', messages: ['kind must be one of: start, stage, decision, delay, message, escalate, outcome'], stepId: 'advisor' },
    ]);
  });

  it('wants the required fields of each kind', () => {
    expect(fieldsOf(withStep(1, { id: 'advisor', kind: 'stage' }))).toEqual(['flow.steps[1].stageKey']);
    expect(fieldsOf(withStep(2, { id: 'advisor-decides', kind: 'decision' }))).toEqual(['flow.steps[2].title', 'flow.steps[2].decisions']);
    expect(fieldsOf(withStep(7, { id: 'wait', kind: 'delay' }))).toEqual([
      'flow.steps[7].anchorField',
      'flow.steps[7].amount',
      'flow.steps[7].unit',
      'flow.steps[7].direction',
    ]);
    expect(fieldsOf(withStep(8, { id: 'welcome', kind: 'message' }))).toEqual(['flow.steps[8].template']);
    expect(fieldsOf(withStep(5, { id: 'chase', kind: 'escalate' }))).toEqual(['flow.steps[5].reason']);
    expect(fieldsOf(withStep(9, { id: 'approved', kind: 'outcome' }))).toEqual(['flow.steps[9].outcome']);
  });

  it('keeps numbers in range: delay amount a whole number from 0, dueInMinutes from 1, priority 1 to 4', () => {
    const base = { id: 'x', kind: 'delay', anchorField: 'data.courseStart', unit: 'days', direction: 'after' };
    expect(fieldsOf(withStep(7, { ...base, amount: 0 }))).toEqual([]);
    expect(fieldsOf(withStep(7, { ...base, amount: -1 }))).toEqual(['flow.steps[7].amount']);
    expect(fieldsOf(withStep(7, { ...base, amount: 1.5 }))).toEqual(['flow.steps[7].amount']);
    const decision = { id: 'd', kind: 'decision', title: 'T', decisions: ['approve'] };
    expect(fieldsOf(withStep(2, { ...decision, dueInMinutes: 0 }))).toEqual(['flow.steps[2].dueInMinutes']);
    expect(fieldsOf(withStep(5, { id: 'e', kind: 'escalate', reason: 'late', priority: 5 }))).toEqual(['flow.steps[5].priority']);
  });

  it('refuses an anchor that is no date of the case, and a unit or direction it does not know', () => {
    const step = { id: 'wait', kind: 'delay', anchorField: 'entity.colour', amount: 1, unit: 'fortnights', direction: 'around' };
    expect(fieldsOf(withStep(7, step))).toEqual(['flow.steps[7].anchorField', 'flow.steps[7].unit', 'flow.steps[7].direction']);
  });

  it('refuses fields a step of that kind does not have', () => {
    expect(readFlow(withStep(1, { id: 'advisor', kind: 'stage', stageKey: 'department', queue: 'advisors' })).errors).toEqual([
      { field: 'flow.steps[1].queue', messages: ['property queue should not exist'], stepId: 'advisor' },
    ]);
  });

  it('caps labels at 200 characters and the flow at 200 steps and 400 links', () => {
    expect(fieldsOf(withStep(0, { id: 'start', kind: 'start', label: 'x'.repeat(201) }))).toEqual(['flow.steps[0].label']);
    const steps = Array.from({ length: 201 }, (_, i) => ({ id: `s${i}`, kind: 'outcome', outcome: 'done' }));
    const links = Array.from({ length: 401 }, () => ({ from: 's0', to: 's1' }));
    expect(fieldsOf({ steps, links })).toEqual(['flow.steps', 'flow.links']);
  });

  it('wants links with from and to, and nothing else', () => {
    const flow = flowWith((f) => f.links.push({ from: 'wait' } as ProcessFlow['links'][number], { from: 'a', to: 'b', weight: 2 } as ProcessFlow['links'][number]));
    expect(fieldsOf(flow)).toEqual(['flow.links[12].to', 'flow.links[13].weight']);
  });

  it('returns what can be read of a malformed flow, without the leftovers', () => {
    const { flow } = readFlow(withStep(2, { id: 'advisor-decides', kind: 'decision', title: '', decisions: 'approve', position: { x: 1 } }));
    expect(flow.steps[2]).toEqual({ id: 'advisor-decides', kind: 'decision', decisions: [] });
    expect(flow.links).toHaveLength(CLEAN_FLOW.links.length);
  });
});

describe('assertFlowShape', () => {
  it('lets an absent or null flow through', () => {
    expect(() => assertFlowShape(undefined)).not.toThrow();
    expect(() => assertFlowShape(null)).not.toThrow();
  });

  it('answers 400 with one detail per field', () => {
    const call = () => assertFlowShape(withStep(1, { id: 'advisor', kind: 'stage' }));
    expect(call).toThrow(BadRequestException);
    expect(call).toThrow('flow.steps[1].stageKey: stageKey is required');
  });
});
