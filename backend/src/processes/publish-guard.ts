import { UnprocessableEntityException } from '@nestjs/common';
import type { ProcessTable } from '../database/tables';
import { checkFlow } from './flow-check';

/**
 * A draft may hold an unfinished flow while it is designed; publishing needs a flow every case can
 * run through. 422 with the blocking problems, in the shape POST /processes/check answers with.
 */
export function assertPublishable(draft: ProcessTable): void {
  if (!draft.flow) return;
  const problems = checkFlow(draft.flow, draft).filter((problem) => problem.severity === 'error');
  if (problems.length === 0) return;
  const count = problems.length === 1 ? 'a problem' : `${problems.length} problems`;
  throw new UnprocessableEntityException({
    error: 'Unprocessable Entity',
    message: `Process "${draft.key}" v${draft.version} cannot be published: its flow has ${count}. ${problems.map((p) => p.message).join(' ')}`,
    problems,
  });
}
