import { Injectable } from '@nestjs/common';
import { SYSTEM_ACTOR } from '../auth/actor';
import { Clock } from '../common/clock';
import type { InstanceFailure } from '../database/tables';
import { EventsService } from '../events/events.service';
import { ExecutionsRepository } from './executions.repository';

/**
 * Marks a case that needs attention: `failed` with why (n8n's error, or its refusal of a resume),
 * the node and a link to the execution. Not closed: the case can be retried, cancelled or completed.
 */
@Injectable()
export class CaseFailures {
  constructor(
    private readonly repository: ExecutionsRepository,
    private readonly events: EventsService,
    private readonly clock: Clock,
  ) {}

  /**
   * Call inside a transaction. Only an open case fails, and only once: a closed case has nothing
   * left to attend to, and a case that failed already keeps its first failure (and one event).
   */
  async fail(instanceId: string, failure: Omit<InstanceFailure, 'at'>): Promise<boolean> {
    const now = this.clock.now();
    const instance = await this.repository.findInstance(instanceId);
    if (!instance || !(await this.repository.failInstance(instanceId, { ...failure, at: now }, now))) return false;
    await this.events.record(SYSTEM_ACTOR, 'instance.failed', { instanceId, entityId: instance.entityId }, {
      processKey: instance.processKey,
      stageKey: instance.currentStageKey,
      message: failure.message,
      node: failure.node,
      executionId: failure.executionId,
      workflowId: failure.workflowId,
      executionUrl: failure.executionUrl,
      source: failure.source,
    });
    return true;
  }
}
