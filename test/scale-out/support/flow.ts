import type { WorkflowInput } from '../../n8n';
import { approveOrRejectReview, Flow } from '../../e2e/composed/support/flow';

export const PROCESS_KEY = 'scale-out';
export const ENTITY_TYPE = 'request';
export const REVIEWERS = 'reviewers';
/** The case data field the Relative Delay waits for; moving it moves the timer. */
export const RELEASE_FIELD = 'releaseAt';

/** Each decision's branch: the Relative Delay it waits in, then the Set node that names it. */
export const BRANCHES = {
  approve: { hold: 'Hold approved', done: 'Approved' },
  reject: { hold: 'Hold rejected', done: 'Rejected' },
} as const;
export type Decision = keyof typeof BRANCHES;

/**
 * Webhook → Launch Workflow → Await Decision → approve: Relative Delay → Set "Approved" | reject:
 * Relative Delay → Set "Rejected". Each branch waits for `data.releaseAt`, a date an hour after the
 * launch: far enough for the backend to own the timer (waits under a minute sleep in the worker),
 * so the run moves it — sooner, or into the past.
 */
export function scaleOutFlow(path: string, credentialId: string): WorkflowInput {
  const flow = new Flow(`Scale-out ${path}`, credentialId)
    .webhook('Request', path)
    .caseflow('Launch Workflow', 'launchWorkflow', {
      processKey: PROCESS_KEY,
      entityType: ENTITY_TYPE,
      entityExternalId: '={{ $json.body.id }}',
      entityName: '={{ $json.body.name }}',
      entityFields: {},
    }, { typeVersion: 2 })
    .caseflow('Review', 'awaitDecision', approveOrRejectReview(REVIEWERS))
    .chain('Request', 'Launch Workflow', 'Review');
  (Object.keys(BRANCHES) as Decision[]).forEach((decision, index) => {
    const { hold, done } = BRANCHES[decision];
    flow
      .caseflow(hold, 'relativeDelay', {
        anchorSource: 'field',
        anchorField: `data.${RELEASE_FIELD}`,
        amount: 0,
        unit: 'minutes',
        direction: 'after',
        ifPast: 'continue',
        options: { label: hold },
      })
      .node(done, 'n8n-nodes-base.set', 3.4, {
        mode: 'manual',
        assignments: { assignments: [{ id: decision, name: 'branch', value: decision, type: 'string' }] },
        includeOtherFields: true,
        options: {},
      })
      // Output 0 of Await Decision is "Timed Out"; the decisions follow in their order.
      .connect('Review', hold, index + 1)
      .connect(hold, done);
  });
  return flow.build();
}
