import type { WorkflowInput } from '../../../n8n';
import { ENTITY_TYPE, PROCESS_KEY, REVIEWERS } from '../../support/stack';
import { approveOrRejectReview, Flow } from './flow';

/**
 * Webhook → Launch Workflow → Await Decision (Approve / Reject in the reviewers queue) → "Approved" or
 * "Rejected": the smallest flow whose branch shows which decision resumed it.
 */
export function approveOrRejectFlow(name: string, path: string, credentialId: string): WorkflowInput {
  return new Flow(name, credentialId)
    .webhook('Request', path)
    .caseflow('Launch Workflow', 'launchWorkflow', {
      processKey: PROCESS_KEY,
      entityType: ENTITY_TYPE,
      entityExternalId: '={{ $json.body.id }}',
      entityName: '={{ $json.body.name }}',
      entityFields: {},
    }, { typeVersion: 2 })
    .caseflow('Review', 'awaitDecision', approveOrRejectReview(REVIEWERS))
    .noOp('Approved')
    .noOp('Rejected')
    .chain('Request', 'Launch Workflow', 'Review')
    // Output 0 is "Timed Out"; the decisions follow in their order.
    .connect('Review', 'Approved', 1)
    .connect('Review', 'Rejected', 2)
    .build();
}
