import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { SYSTEM_ACTOR } from '../auth/actor';
import { APP_CONFIG, AppConfig } from '../config/config';
import type { OutboxKind, OutboxTable } from '../database/tables';
import { EventsService } from '../events/events.service';
import { DeliveryError, DeliveryObserver, DeliveryResult } from '../outbox/deliverer';
import { OutboxService } from '../outbox/outbox.service';
import { resumeExecutionId } from '../outbox/resume-target';
import { CaseFailures } from './case-failures.service';
import { executionUrl } from './executions.dto';
import { ExecutionsRepository } from './executions.repository';

/**
 * What becomes of the calls that resume an n8n execution. One that ends dead — n8n (or the
 * Caseflow node in it) refused it, or it never got through — leaves its execution waiting for
 * good, so the case is marked failed with n8n's reason. One that got through makes the execution
 * run again, to be checked on the running cadence.
 */
@Injectable()
export class ResumeRefusals implements DeliveryObserver, OnModuleInit {
  readonly kinds: OutboxKind[] = ['n8n_resume'];

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly outbox: OutboxService,
    private readonly repository: ExecutionsRepository,
    private readonly failures: CaseFailures,
    private readonly events: EventsService,
  ) {}

  onModuleInit(): void {
    this.outbox.observe(this);
  }

  async delivered(item: OutboxTable, result?: DeliveryResult): Promise<void> {
    const executionId = resumeExecutionId(item.target);
    if (result?.notTaken) {
      // Not a failure (n8n may have ended the wait itself, or another call resumed it), but the case
      // shows that this decision or timer continued nothing, and n8n's reason.
      const instance = item.instanceId ? await this.repository.findInstance(item.instanceId) : null;
      if (instance) {
        await this.events.record(SYSTEM_ACTOR, 'delivery.not_taken', { instanceId: instance.id, entityId: instance.entityId }, {
          deliveryId: item.id,
          wait: item.payload.kind ?? null,
          executionId,
          status: result.notTaken.status,
          reason: result.notTaken.reason,
        });
      }
      return;
    }
    if (item.instanceId && executionId) await this.repository.markResumed(item.instanceId, executionId);
  }

  async deadLettered(item: OutboxTable, error: unknown): Promise<void> {
    if (!item.instanceId) return;
    const instance = await this.repository.findInstance(item.instanceId);
    if (!instance) return;
    const executionId = resumeExecutionId(item.target);
    const refusal = error instanceof DeliveryError ? error.refusal : undefined;
    const said = error instanceof Error ? error.message : String(error);
    if (refusal) {
      await this.events.record(SYSTEM_ACTOR, 'delivery.refused', { instanceId: instance.id, entityId: instance.entityId }, {
        deliveryId: item.id,
        wait: item.payload.kind ?? null,
        executionId,
        status: refusal.status,
        reason: refusal.reason,
      });
    }
    const link = executionId ? await this.repository.find(instance.id, executionId) : null;
    const workflowId = link?.workflowId ?? null;
    await this.failures.fail(instance.id, {
      message: refusal ? refusal.reason : `The call to resume the execution never got through: ${said}`,
      node: null,
      executionId,
      workflowId,
      executionUrl: executionUrl(this.config.n8n, workflowId, executionId),
      source: 'resume',
      deliveryId: item.id,
    });
  }
}
