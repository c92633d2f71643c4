import { CLEAN_DECISIONS, CLEAN_FLOW, CLEAN_STAGES, flowWith } from '../../test/api/process-flow.fixtures';
import { checkFlow } from './flow-check';
import type { DecisionStep, FlowProblem, ProcessFlow } from './process-flow';

const context = { stages: CLEAN_STAGES, decisions: CLEAN_DECISIONS };
const check = (flow: ProcessFlow) => checkFlow(flow, context);
const summary = (problems: FlowProblem[]) => problems.map(({ code, severity, stepId }) => ({ code, severity, stepId }));
const dropStep = (flow: ProcessFlow, id: string) => {
  flow.steps = flow.steps.filter((step) => step.id !== id);
  flow.links = flow.links.filter((link) => link.from !== id && link.to !== id);
};
const decision = (flow: ProcessFlow, id: string) => flow.steps.find((step) => step.id === id) as DecisionStep;

describe('checkFlow', () => {
  it('finds nothing wrong with a clean three-stage, two-decision flow', () => {
    expect(check(CLEAN_FLOW)).toEqual([]);
  });

  describe('no-start', () => {
    it('wants a start step', () => {
      const problems = check(flowWith((flow) => dropStep(flow, 'start')));
      expect(problems).toContainEqual(expect.objectContaining({ code: 'no-start', severity: 'error', field: 'flow.steps' }));
    });

    it('names each start after the first', () => {
      const flow = flowWith((f) => f.steps.push({ id: 'start-2', kind: 'start', label: 'Second door' }, { id: 'start-3', kind: 'start' }));
      const starts = check(flow).filter((problem) => problem.code === 'no-start');
      expect(starts.map((problem) => problem.stepId)).toEqual(['start-2', 'start-3']);
      expect(starts[0]!.message).toBe('"Second door" is a second start; a flow has exactly one.');
    });
  });

  it('reports steps no path from the start reaches, and only those', () => {
    const flow = flowWith((f) => f.steps.push({ id: 'island', kind: 'outcome', outcome: 'lost', label: 'Island' }));
    expect(summary(check(flow))).toEqual([{ code: 'unreachable', severity: 'error', stepId: 'island' }]);
    expect(check(flow)[0]!.message).toBe('"Island" cannot be reached from the start.');
  });

  describe('decision-without-path', () => {
    it('names the decision and the step that has no path for it', () => {
      const flow = flowWith((f) => (f.links = f.links.filter((link) => !(link.from === 'advisor-decides' && link.on === 'reject'))));
      const problems = check(flow);
      expect(summary(problems)).toEqual([{ code: 'decision-without-path', severity: 'error', stepId: 'advisor-decides' }]);
      expect(problems[0]!.message).toBe('Decision "Reject" of "Advisor review" has no path.');
    });

    it('only warns when a task that can time out has no timeout path', () => {
      const flow = flowWith((f) => (f.links = f.links.filter((link) => link.on !== 'timedOut')));
      // The escalation step loses its only way in as well.
      expect(summary(check(flow))).toEqual([
        { code: 'unreachable', severity: 'error', stepId: 'chase' },
        { code: 'decision-without-path', severity: 'warning', stepId: 'department-decides' },
      ]);
    });
  });

  it('reports a dead end on a step other than an outcome with no way on', () => {
    const flow = flowWith((f) => (f.links = f.links.filter((link) => link.from !== 'welcome')));
    const problems = check(flow);
    expect(summary(problems)).toEqual([
      { code: 'unreachable', severity: 'error', stepId: 'approved' },
      { code: 'dead-end', severity: 'error', stepId: 'welcome' },
    ]);
    expect(problems[1]!.message).toBe('"Send welcome" leads nowhere: link it to the next step or to an outcome.');
  });

  it('wants at least one outcome', () => {
    const flow: ProcessFlow = { steps: [{ id: 's', kind: 'start' }, { id: 'a', kind: 'stage', stageKey: 'closing' }], links: [{ from: 's', to: 'a' }] };
    const codes = check(flow).map((problem) => problem.code);
    expect(codes).toContain('missing-outcome');
    expect(codes).toContain('dead-end');
  });

  describe('bad-link', () => {
    const badLinks = (flow: ProcessFlow) => check(flow).filter((problem) => problem.code === 'bad-link');

    it('refuses links to or from no step', () => {
      const flow = flowWith((f) => f.links.push({ from: 'ghost', to: 'approved' }, { from: 'approved', to: 'nowhere' }));
      expect(badLinks(flow).map((problem) => problem.field)).toEqual(['flow.links[12]', 'flow.links[13]']);
    });

    it('refuses a second link out of a step that is not a decision', () => {
      const flow = flowWith((f) => f.links.push({ from: 'wait', to: 'approved' }));
      expect(badLinks(flow)).toEqual([expect.objectContaining({ stepId: 'wait', field: 'flow.links[12]', severity: 'error' })]);
    });

    it('refuses `on` on a link from a step that is not a decision', () => {
      const flow = flowWith((f) => (f.links.find((link) => link.from === 'closing')!.on = 'approve'));
      expect(badLinks(flow)).toEqual([expect.objectContaining({ stepId: 'closing' })]);
    });

    it('refuses `on` naming a decision the step does not offer, and timedOut without a due time', () => {
      const flow = flowWith((f) => {
        f.links.push({ from: 'advisor-decides', to: 'rejected', on: 'escalate' }, { from: 'advisor-decides', to: 'rejected', on: 'timedOut' });
      });
      expect(badLinks(flow).map((problem) => problem.field)).toEqual(['flow.links[12]', 'flow.links[13]']);
    });

    it('refuses a decision link without `on`, and a second path for the same decision', () => {
      const flow = flowWith((f) => f.links.push({ from: 'advisor-decides', to: 'rejected' }, { from: 'advisor-decides', to: 'approved', on: 'approve' }));
      expect(badLinks(flow).map((problem) => problem.field)).toEqual(['flow.links[12]', 'flow.links[13]']);
    });

    it('refuses a link into the start and a link out of an outcome', () => {
      const flow = flowWith((f) => f.links.push({ from: 'chase', to: 'start' }, { from: 'approved', to: 'rejected' }));
      expect(badLinks(flow).map((problem) => problem.stepId)).toEqual(['chase', 'approved']);
    });
  });

  it('warns about a stage no stage step enters, without blocking', () => {
    const problems = checkFlow(CLEAN_FLOW, { ...context, stages: [...CLEAN_STAGES, { key: 'archive', name: 'Archive' }] });
    expect(problems).toEqual([{ code: 'unreachable', severity: 'warning', field: 'stages[3]', message: 'Stage "Archive" is entered by no stage step of the flow.' }]);
  });

  it('leaves the flow it checks untouched', () => {
    const flow = flowWith((f) => (decision(f, 'advisor-decides').decisions = ['approve']));
    const before = structuredClone(flow);
    check(flow);
    expect(flow).toEqual(before);
  });
});
