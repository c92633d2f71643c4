import { BadGatewayException, ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../config/config';
import { Database } from '../database/database';
import type { InstanceFailure, InstanceTable } from '../database/tables';
import { EventsService } from '../events/events.service';
import { InstanceResponse, toInstanceResponse } from '../instances/instances.dto';
import { InstancesRepository } from '../instances/instances.repository';
import { OutboxService } from '../outbox/outbox.service';
import { ExecutionResponse, toExecutionResponse } from './executions.dto';
import { ExecutionsRepository, SeenExecution } from './executions.repository';
import { N8nExecutionsClient } from './n8n-executions.client';

/** "timer:<id>:fired", "task:<id>:decided": the wait a resume call was for. */
const RESUME_KEY = /^(?:task|timer):(.+):(?:fired|past|decided)$/;

/** The executions of a case: which acted on it, what n8n says of them, and retrying a failed case. */
@Injectable()
export class ExecutionsService {
  private readonly n8n: N8nExecutionsClient | null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: Database,
    private readonly repository: ExecutionsRepository,
    private readonly instances: InstancesRepository,
    private readonly outbox: OutboxService,
    private readonly events: EventsService,
    private readonly clock: Clock,
  ) {
    this.n8n = config.n8n ? new N8nExecutionsClient(config.n8n) : null;
  }

  noteSeen(seen: SeenExecution): Promise<void> {
    return this.db.transaction(() => this.repository.noteSeen(seen, this.clock.now()));
  }

  /** Call inside a unit of work. */
  async listForInstance(instanceId: string): Promise<ExecutionResponse[]> {
    return (await this.repository.listForInstance(instanceId)).map((row) => toExecutionResponse(row, this.config.n8n));
  }

  /** Call inside a unit of work: why each task's or timer's resume call never got through, by its id. */
  async resumeErrors(instanceId: string): Promise<Map<string, string>> {
    const errors = new Map<string, string>();
    for (const row of await this.repository.deadResumes(instanceId)) {
      const waitId = RESUME_KEY.exec(row.idempotencyKey)?.[1];
      if (waitId && row.lastError) errors.set(waitId, row.lastError);
    }
    return errors;
  }

  /**
   * Puts a failed case back to work. A failed execution is retried in n8n (POST
   * /executions/:id/retry, with the workflow as saved now) and the new execution linked; a refused
   * resume is delivered again. Without N8N_URL, or with nothing to retry, the case is only
   * reactivated (for an execution someone retried in n8n by hand).
   */
  async retry(actor: Actor, id: string): Promise<InstanceResponse> {
    const instance = await this.db.transaction(async () => {
      const found = await this.repository.findInstance(id);
      if (!found) throw new NotFoundException(`Instance ${id} does not exist.`);
      if (found.status !== 'failed' || !(await this.repository.reactivateInstance(id, this.clock.now()))) {
        throw new ConflictException(`Instance ${id} is ${found.status}; only a failed case can be retried.`);
      }
      return found;
    });
    const failure = instance.failure;
    const retried = failure?.source === 'execution' ? await this.retryExecution(instance, failure) : null;
    return this.db.transaction(async () => {
      const now = this.clock.now();
      await this.repository.clearFailure(id, now);
      if (retried) await this.repository.noteSeen({ instanceId: id, executionId: retried.id, workflowId: retried.workflowId ?? failure?.workflowId ?? null }, now);
      const requeued = failure?.source === 'resume' ? await this.requeueResume(actor, failure) : null;
      await this.events.record(actor, 'instance.retried', { instanceId: id, entityId: instance.entityId }, {
        source: failure?.source ?? null,
        executionId: failure?.executionId ?? null,
        newExecutionId: retried?.id ?? null,
        deliveryId: requeued,
      });
      return this.response((await this.repository.findInstance(id))!);
    });
  }

  private async retryExecution(instance: InstanceTable, failure: InstanceFailure): Promise<{ id: string; workflowId: string | null } | null> {
    if (!this.n8n || !failure.executionId) return null;
    try {
      return await this.n8n.retry(failure.executionId);
    } catch (error) {
      // The case was reactivated to keep a second retry out meanwhile; it needs attention still.
      await this.db.transaction(() => this.repository.restoreFailed(instance.id, this.clock.now()));
      const why = error instanceof Error ? error.message : String(error);
      throw new BadGatewayException(
        `n8n did not retry execution ${failure.executionId}: ${why}. The case stays failed: retry the execution in n8n and then here, or cancel the case.`,
      );
    }
  }

  private async requeueResume(actor: Actor, failure: InstanceFailure): Promise<string | null> {
    const delivery = failure.deliveryId ? await this.repository.findDelivery(failure.deliveryId) : null;
    if (delivery?.status !== 'dead') return null;
    await this.outbox.retry(actor, delivery.id);
    return delivery.id;
  }

  private async response(instance: InstanceTable): Promise<InstanceResponse> {
    return toInstanceResponse(instance, await this.instances.findEntity(instance.entityId), await this.instances.findOpenVisit(instance.id));
  }
}
