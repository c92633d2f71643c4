import type { Report } from './definition-problems';
import type { ProcessFlow } from './process-flow';
import { type DefinitionReferences, knownUser, type ProcessDefinition } from './process-definition';

/**
 * What a flow's steps name must exist: stages and decisions in the definition itself, queues, users and
 * message templates in the database. Like an unknown stage owner queue, any of them stops a save.
 */
export function flowReferenceProblems(flow: ProcessFlow, definition: ProcessDefinition, refs: DefinitionReferences, add: Report): void {
  const stageKeys = new Set(definition.stages.map((stage) => stage.key));
  const decisionKeys = new Set(definition.decisions.map((decision) => decision.key));
  flow.steps.forEach((step, i) => {
    const at = `flow.steps[${i}]`;
    const queue = (field: string, key: string | undefined) => {
      if (key !== undefined && !refs.queues.has(key)) add('unknown-queue', `${at}.${field}`, `unknown queue "${key}"`, step.id);
    };
    const stage = (key: string | undefined) => {
      if (key !== undefined && !stageKeys.has(key)) add('unknown-stage', `${at}.stageKey`, `"${key}" is not a stage of this process`, step.id);
    };
    switch (step.kind) {
      case 'stage':
        return stage(step.stageKey);
      case 'decision':
        stage(step.stageKey);
        queue('queue', step.queue);
        step.decisions.forEach((key, j) => {
          if (!decisionKeys.has(key)) add('unknown-decision', `${at}.decisions[${j}]`, `"${key}" is not a decision of this process`, step.id);
        });
        return;
      case 'message':
        queue('toQueue', step.toQueue);
        if (step.template !== undefined && !refs.templates.has(step.template)) {
          add('unknown-template', `${at}.template`, `unknown message template "${step.template}"`, step.id);
        }
        return;
      case 'escalate':
        queue('toQueue', step.toQueue);
        if (step.toUser !== undefined && !knownUser(refs, step.toUser)) add('unknown-user', `${at}.toUser`, `unknown user "${step.toUser}"`, step.id);
        return;
      default:
        return;
    }
  });
}
