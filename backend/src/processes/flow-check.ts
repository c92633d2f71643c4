import { linksFrom, reachableFrom } from './flow-graph';
import { decisionLabel, type FlowContext, stepLabel } from './flow-labels';
import { type DecisionStep, type FlowLink, type FlowProblem, type FlowStep, type ProcessFlow, TIMED_OUT } from './process-flow';

/**
 * The structural problems of a flow: how its steps connect, not what they refer to (see
 * definition-problems.ts for that). Errors block publishing; a draft may have them while it is designed.
 */
export function checkFlow(flow: ProcessFlow, context: FlowContext): FlowProblem[] {
  const problems: FlowProblem[] = [];
  const byId = new Map<string, FlowStep>(flow.steps.map((step) => [step.id, step]));
  const name = (step: FlowStep) => `"${stepLabel(step, context)}"`;
  const error = (code: FlowProblem['code'], message: string, stepId?: string, field?: string) =>
    problems.push({ code, message, severity: 'error', ...(stepId ? { stepId } : {}), ...(field ? { field } : {}) });

  const starts = flow.steps.filter((step) => step.kind === 'start');
  if (starts.length === 0) error('no-start', 'The flow has no start step: add one where cases begin.', undefined, 'flow.steps');
  for (const extra of starts.slice(1)) error('no-start', `${name(extra)} is a second start; a flow has exactly one.`, extra.id);
  if (!flow.steps.some((step) => step.kind === 'outcome')) {
    error('missing-outcome', 'The flow has no outcome step: every case needs a way to end.', undefined, 'flow.steps');
  }

  problems.push(...checkLinks(flow, byId, context));

  const start = starts[0];
  if (start) {
    const reached = reachableFrom(flow, start.id);
    for (const step of flow.steps) {
      if (!reached.has(step.id)) error('unreachable', `${name(step)} cannot be reached from the start.`, step.id);
    }
  }

  const next = linksFrom(flow);
  for (const step of flow.steps) {
    if (step.kind === 'decision') problems.push(...pathsOf(step, next.get(step.id) ?? [], context));
    else if (step.kind !== 'outcome' && (next.get(step.id) ?? []).length === 0) {
      error('dead-end', `${name(step)} leads nowhere: link it to the next step or to an outcome.`, step.id);
    }
  }

  const entered = new Set(flow.steps.flatMap((step) => (step.kind === 'stage' ? [step.stageKey] : [])));
  context.stages.forEach((stage, i) => {
    if (entered.has(stage.key)) return;
    problems.push({
      code: 'unreachable',
      severity: 'warning',
      message: `Stage "${stage.name}" is entered by no stage step of the flow.`,
      field: `stages[${i}]`,
    });
  });
  return problems;
}

/** One problem per decision with no path; a missing timeout path is only a warning (the task simply stays open). */
function pathsOf(step: DecisionStep, out: FlowLink[], context: FlowContext): FlowProblem[] {
  const taken = new Set(out.map((link) => link.on));
  const title = stepLabel(step, context);
  const problems: FlowProblem[] = step.decisions
    .filter((key) => !taken.has(key))
    .map((key) => ({
      code: 'decision-without-path',
      severity: 'error',
      message: `Decision "${decisionLabel(key, context)}" of "${title}" has no path.`,
      stepId: step.id,
    }));
  if (step.dueInMinutes !== undefined && !taken.has(TIMED_OUT)) {
    problems.push({
      code: 'decision-without-path',
      severity: 'warning',
      message: `"${title}" has no path for when its task times out.`,
      stepId: step.id,
    });
  }
  return problems;
}

function checkLinks(flow: ProcessFlow, byId: Map<string, FlowStep>, context: FlowContext): FlowProblem[] {
  const problems: FlowProblem[] = [];
  const name = (step: FlowStep) => `"${stepLabel(step, context)}"`;
  const usedPaths = new Set<string>();
  flow.links.forEach((link, i) => {
    const bad = (message: string, stepId?: string): void => {
      problems.push({ code: 'bad-link', severity: 'error', message, field: `flow.links[${i}]`, ...(stepId ? { stepId } : {}) });
    };
    const from = byId.get(link.from);
    const to = byId.get(link.to);
    if (!from) return bad(`A link starts at "${link.from}", which is no step of the flow.`, to?.id);
    if (!to) return bad(`A link from ${name(from)} leads to "${link.to}", which is no step of the flow.`, from.id);
    if (to.kind === 'start') return bad(`A link from ${name(from)} leads back into the start.`, from.id);
    if (from.kind === 'outcome') return bad(`${name(from)} ends the case; a link cannot leave it.`, from.id);
    if (from.kind !== 'decision') {
      if (link.on !== undefined) return bad(`The link from ${name(from)} names a decision ("${link.on}"), but only decision steps choose paths.`, from.id);
      if (usedPaths.has(from.id)) return bad(`${name(from)} has a second link out; only decision steps branch.`, from.id);
      usedPaths.add(from.id);
      return;
    }
    if (link.on === undefined) return bad(`A link from ${name(from)} must name the decision that takes it.`, from.id);
    const offered = from.decisions.includes(link.on) || (link.on === TIMED_OUT && from.dueInMinutes !== undefined);
    if (!offered) return bad(`${name(from)} offers no decision "${link.on}" for a link to take.`, from.id);
    const path = `${from.id}\u0000${link.on}`;
    if (usedPaths.has(path)) return bad(`Decision "${decisionLabel(link.on, context)}" of ${name(from)} has a second path.`, from.id);
    usedPaths.add(path);
  });
  return problems;
}
