import { Injectable } from '@nestjs/common';
import { Database } from '../database/database';
import { readCheckInput, topLevelOf } from './check-input';
import { definitionProblems } from './definition-problems';
import { checkFlow } from './flow-check';
import { referencedNames, type ProcessDefinition } from './process-definition';
import type { FlowProblem } from './process-flow';
import type { ProcessCheckResponse } from './processes.dto';
import { ProcessesRepository } from './processes.repository';

/**
 * The designer's checklist: every problem of a definition, whether or not it is saved. It reads the
 * database only to look up what the definition names, writes nothing and calls no n8n, so the
 * designer can ask after every edit.
 */
@Injectable()
export class ProcessCheckService {
  constructor(
    private readonly db: Database,
    private readonly repository: ProcessesRepository,
  ) {}

  async check(body: unknown): Promise<ProcessCheckResponse> {
    const { definition, failedFields, problems } = await readCheckInput(body);
    const refs = await this.db.read(() => this.repository.existingReferences(referencedNames(definition)));
    // A field that failed its own rules was read as empty; what the cross-field rules say of it would only repeat that.
    problems.push(...definitionProblems(definition, refs).filter((problem) => !failedFields.has(topLevelOf(problem.field ?? ''))));
    if (definition.flow) problems.push(...checkFlow(definition.flow, definition));
    const located = problems.map((problem) => withStep(problem, definition));
    return { valid: !located.some((problem) => problem.severity === 'error'), problems: located };
  }
}

/** Problems of a stage or a flow step point at the step to jump to: a stage's is the stage step that enters it. */
function withStep(problem: FlowProblem, definition: ProcessDefinition): FlowProblem {
  if (problem.stepId !== undefined || problem.field === undefined || !definition.flow) return problem;
  const steps = definition.flow.steps;
  const stage = /^stages\[(\d+)\]/.exec(problem.field);
  if (stage) {
    const key = definition.stages[Number(stage[1])]?.key;
    const step = steps.find((candidate) => candidate.kind === 'stage' && candidate.stageKey === key);
    return step ? { ...problem, stepId: step.id } : problem;
  }
  return problem;
}
