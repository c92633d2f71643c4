import { BadRequestException, ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { CaseScopeService } from '../auth/case-scope';
import { beyondLaunch } from '../auth/permissions';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import { Page, pageOf } from '../common/paging';
import { Database } from '../database/database';
import { isUniqueViolation } from '../database/errors';
import type { EntityTable, InstanceTable, ProcessTable } from '../database/tables';
import { DocumentWriteFn, DocumentWriter } from '../documents/document-writer';
import { EntitiesService } from '../entities/entities.service';
import { fieldErrors } from '../entities/entity-changes';
import { EventsService } from '../events/events.service';
import { OutboxService } from '../outbox/outbox.service';
import { ProcessesService } from '../processes/processes.service';
import { TimersService } from '../timers/timers.service';
import { WaitsService } from '../waits/waits.service';
import {
  CancelInstanceDto,
  CompleteInstanceDto,
  InstanceResponse,
  LaunchEntityDto,
  LaunchInstanceDto,
  ListInstancesQuery,
  MoveStageDto,
  toInstanceResponse,
  UpdateDataDto,
} from './instances.dto';
import { N8nWorkflowLinksRepository } from '../n8n-workflows/n8n-workflow-links.repository';
import { InstancesRepository } from './instances.repository';
import { checkListFilters, statusesOf } from './list-filters';
import { prepareLaunchDocuments } from './launch-documents';
import { assertIntake, intakeReadsEntity, launchIntakeValues } from './launch-intake';
import { StagesService } from './stages.service';

/** A failed case needs attention but is not closed: it can still be retried, cancelled or completed. */
const CLOSED = new Set(['completed', 'cancelled']);

type LaunchTarget = { input: LaunchEntityDto; stored: EntityTable | null } | { input: null; stored: EntityTable };

export interface LaunchResult {
  instance: InstanceResponse;
  created: boolean;
  /**
   * created: a new case; attached: the first execution for a case the UI started (its flow runs its
   * steps now); existing: a case that already ran (a retried webhook, a double submit).
   */
  outcome: LaunchOutcome;
}

export type LaunchOutcome = 'created' | 'attached' | 'existing';

@Injectable()
export class InstancesService {
  constructor(
    private readonly db: Database,
    private readonly repository: InstancesRepository,
    private readonly stages: StagesService,
    private readonly entities: EntitiesService,
    private readonly processes: ProcessesService,
    private readonly timers: TimersService,
    private readonly waits: WaitsService,
    private readonly events: EventsService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly scope: CaseScopeService,
    private readonly n8nWorkflows: N8nWorkflowLinksRepository,
    private readonly documents: DocumentWriter,
  ) {}

  async launch(actor: Actor, dto: LaunchInstanceDto): Promise<LaunchResult> {
    const refused = beyondLaunch(actor, dto);
    if (refused) {
      throw new ForbiddenException(
        `${refused}: your role may start a workflow for an existing record (processKey and entityId) only; attaching, creating or changing records and idempotency keys need "instances:write".`,
      );
    }
    if (dto.documents?.length && !actor.permissions.has('documents:write')) {
      throw new ForbiddenException('documents: adding files to a case needs "documents:write".');
    }
    if (dto.instanceId) return this.attach(actor, dto.instanceId, dto);
    try {
      return await this.documents.transaction((write) => this.launchInTransaction(actor, dto, write));
    } catch (error) {
      // A concurrent launch with the same key won the race (PostgreSQL): answer with its instance.
      if (!dto.idempotencyKey || !isUniqueViolation(error)) throw error;
      const key = dto.idempotencyKey;
      const existing = await this.db.read(() => this.repository.findByIdempotencyKey(dto.processKey, key));
      if (!existing) throw error;
      return { instance: await this.response(existing), created: false, outcome: 'existing' };
    }
  }

  private async launchInTransaction(actor: Actor, dto: LaunchInstanceDto, write: DocumentWriteFn): Promise<LaunchResult> {
    const process = await this.processes.getPublished(dto.processKey);
    if (dto.idempotencyKey) {
      const existing = await this.repository.findByIdempotencyKey(process.key, dto.idempotencyKey);
      if (existing) return { instance: await this.response(existing), created: false, outcome: 'existing' };
    }
    await this.processes.assertLaunchable(process.key);
    // Everything a launch must satisfy is checked before its first write, the entity upsert.
    const target = await this.launchTarget(dto, process);
    const { type, externalId } = target.input ?? target.stored;
    if (!process.entityTypes.includes(type)) {
      throw new BadRequestException(
        `Process "${process.key}" starts only for ${process.entityTypes.join(', ')}; entity ${externalId} is a ${type}.`,
      );
    }
    const files = prepareLaunchDocuments(dto.documents ?? [], process.intake, dto.data ?? {}, (file, kind) => this.documents.prepare(file, kind));
    assertIntake(process.intake, launchIntakeValues({ ...dto, data: files.data }, target.stored));
    const entity = target.input ? (await this.entities.upsertInTransaction(actor, target.input, 'entity.relations')).entity : target.stored;
    // A stage named at launch is checked first and written with the instance (400 if unknown).
    const stage = dto.stageKey ? this.processes.findStage(process, dto.stageKey) : null;
    const now = this.clock.now();
    const instance: InstanceTable = {
      id: newId(),
      processId: process.id,
      processKey: process.key,
      processVersion: process.version,
      entityId: entity.id,
      status: 'active',
      currentStageKey: stage?.key ?? null,
      outcome: null,
      data: files.data,
      n8nExecutionId: dto.n8nExecutionId ?? null,
      idempotencyKey: dto.idempotencyKey ?? null,
      stalledAt: null,
      createdAt: now,
      updatedAt: now,
      closedAt: null,
      failure: null,
    };
    await this.repository.insert(instance);
    await this.events.record(
      actor,
      'instance.launched',
      { instanceId: instance.id, entityId: entity.id },
      { processKey: process.key, processVersion: process.version, idempotencyKey: instance.idempotencyKey },
    );
    for (const document of files.documents) await write(actor, instance, document, { source: 'intake' });
    const visit = stage ? await this.stages.enter(actor, instance, process, stage.key, { launching: true }) : null;
    await this.callLaunchWebhook(actor, process, instance, entity);
    return { instance: toInstanceResponse(instance, entity, visit), created: true, outcome: 'created' };
  }

  /** Who the case is for: the body's entity (and its stored row when the intake reads it), or a stored one by id. */
  private async launchTarget(dto: LaunchInstanceDto, process: ProcessTable): Promise<LaunchTarget> {
    if (dto.entity) {
      const stored = intakeReadsEntity(process.intake) ? await this.repository.findEntityByKey(dto.entity.type, dto.entity.externalId) : null;
      return { input: dto.entity, stored };
    }
    if (dto.entityId) return { input: null, stored: await this.entities.getRow(dto.entityId) };
    throw new BadRequestException('entity: give either "entity" (type, externalId, …) or "entityId".');
  }

  /** A case started from the UI runs its n8n flow: the process's launch webhook (else its generated workflow's) is called for it. */
  private async callLaunchWebhook(actor: Actor, process: ProcessTable, instance: InstanceTable, entity: EntityTable): Promise<void> {
    if (actor.type !== 'user') return;
    const target = process.launchWebhookUrl ?? (await this.n8nWorkflows.webhookUrlOf(process.key));
    if (!target) return;
    await this.outbox.enqueue({
      kind: 'webhook',
      target,
      payload: { instanceId: instance.id, processKey: process.key, entity: this.entitySummary(entity), data: instance.data },
      idempotencyKey: `launch:${instance.id}`,
      instanceId: instance.id,
    });
  }

  private entitySummary(entity: EntityTable): Record<string, unknown> {
    return { id: entity.id, type: entity.type, externalId: entity.externalId, name: entity.name, email: entity.email };
  }

  private async attach(actor: Actor, instanceId: string, dto: LaunchInstanceDto): Promise<LaunchResult> {
    // Files are checked against the intake only when a case is created; refusing beats dropping them.
    if (dto.documents && dto.documents.length > 0) {
      throw new BadRequestException({
        error: 'Bad Request',
        message: 'documents: a launch that attaches to an existing case (instanceId) takes no files; add them with POST /instances/:id/documents (Caseflow node: Document → Add)',
        details: [{ field: 'documents', messages: ['not taken when attaching to an existing case (instanceId): add them to the case instead'] }],
      });
    }
    return this.db.transaction(async () => {
      const instance = await this.load(instanceId);
      if (instance.processKey !== dto.processKey) {
        throw new BadRequestException(`instanceId: instance ${instance.id} runs process "${instance.processKey}", not "${dto.processKey}".`);
      }
      if (CLOSED.has(instance.status)) throw new ConflictException(`Instance ${instance.id} is ${instance.status}; it cannot be attached.`);
      // The first execution to attach runs the case's steps; a repeat of the launch webhook must not.
      const outcome: LaunchOutcome = instance.n8nExecutionId === null ? 'attached' : 'existing';
      if (outcome === 'attached' && dto.n8nExecutionId) {
        const now = this.clock.now();
        await this.repository.update(instance.id, { n8nExecutionId: dto.n8nExecutionId, updatedAt: now });
        Object.assign(instance, { n8nExecutionId: dto.n8nExecutionId, updatedAt: now });
        await this.events.record(actor, 'instance.attached', { instanceId: instance.id, entityId: instance.entityId }, {
          n8nExecutionId: dto.n8nExecutionId,
        });
      }
      return { instance: await this.response(instance), created: false, outcome };
    });
  }

  async get(id: string): Promise<InstanceResponse> {
    return this.db.read(async () => this.response(await this.load(id)));
  }

  /** Also how follow-up flows find a case without creating one: an unknown entity is an empty page, not a 404. */
  async list(actor: Actor, query: ListInstancesQuery): Promise<Page<InstanceResponse>> {
    const invalid = checkListFilters(query);
    if (invalid.length > 0) throw fieldErrors(invalid);
    return this.db.read(async () => {
      const scope = this.scope.condition(await this.scope.of(actor));
      let entityId = query.entityId;
      if (query.entityType !== undefined && query.externalId !== undefined) {
        const entity = await this.repository.findEntityByKey(query.entityType, query.externalId);
        if (!entity || (entityId !== undefined && entityId !== entity.id)) return pageOf([], 0, query);
        entityId = entity.id;
      }
      const [rows, total] = await this.repository.list({
        processKey: query.processKey,
        stageKey: query.stageKey,
        status: query.status,
        statuses: statusesOf(query.open),
        entityId,
        idempotencyKey: query.idempotencyKey,
        overdueAt: query.overdue ? this.clock.now() : undefined,
        scope,
        limit: query.limit ?? 50,
        offset: query.offset ?? 0,
      });
      const ids = rows.map((r) => r.id);
      const entities = new Map((await this.repository.findEntities([...new Set(rows.map((r) => r.entityId))])).map((e) => [e.id, e]));
      const visits = new Map((await this.repository.findOpenVisits(ids)).map((v) => [v.instanceId, v]));
      const items = rows.map((r) => toInstanceResponse(r, entities.get(r.entityId) ?? null, visits.get(r.id) ?? null));
      return pageOf(items, total, query);
    });
  }

  async updateData(actor: Actor, id: string, dto: UpdateDataDto): Promise<InstanceResponse> {
    return this.db.transaction(async () => {
      const instance = await this.loadOpen(id, 'have its data changed');
      const before: Record<string, unknown> = {};
      const after: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(dto.data)) {
        if (JSON.stringify(instance.data[key]) === JSON.stringify(value)) continue;
        before[key] = instance.data[key] ?? null;
        after[key] = value;
      }
      if (Object.keys(after).length === 0) return this.response(instance);
      const now = this.clock.now();
      instance.data = { ...instance.data, ...dto.data };
      instance.updatedAt = now;
      await this.repository.update(id, { data: instance.data, updatedAt: now });
      await this.events.record(actor, 'instance.data_updated', { instanceId: id, entityId: instance.entityId }, { before, after });
      await this.timers.recomputeForInstance(id, actor);
      return this.response(instance);
    });
  }

  async moveStage(actor: Actor, id: string, dto: MoveStageDto): Promise<InstanceResponse> {
    return this.db.transaction(async () => {
      const instance = await this.load(id);
      const process = await this.processes.getVersion(instance.processId);
      await this.stages.enter(actor, instance, process, dto.stageKey, dto);
      return this.response(instance);
    });
  }

  async complete(actor: Actor, id: string, dto: CompleteInstanceDto): Promise<InstanceResponse> {
    return this.close(actor, id, 'completed', { outcome: dto.outcome });
  }

  async cancel(actor: Actor, id: string, dto: CancelInstanceDto): Promise<InstanceResponse> {
    return this.close(actor, id, 'cancelled', { reason: dto.reason ?? null });
  }

  private async close(
    actor: Actor,
    id: string,
    status: 'completed' | 'cancelled',
    details: { outcome?: string; reason?: string | null },
  ): Promise<InstanceResponse> {
    return this.db.transaction(async () => {
      const instance = await this.loadOpen(id, status === 'completed' ? 'be completed' : 'be cancelled');
      const now = this.clock.now();
      const visit = await this.repository.findOpenVisit(id);
      if (visit) await this.repository.closeVisit(visit.id, now);
      // Before its waits are cancelled: every execution still waiting on the case is let go.
      const releasedExecutions = await this.waits.releaseForInstance(id, status);
      const cancelledTasks = await this.repository.cancelOpenTasks(id, now);
      await this.timers.cancelForInstance(id, actor);
      const changes = { status, outcome: details.outcome ?? instance.outcome, closedAt: now, updatedAt: now, failure: null };
      await this.repository.update(id, changes);
      Object.assign(instance, changes);
      await this.events.record(actor, `instance.${status}`, { instanceId: id, entityId: instance.entityId }, {
        processKey: instance.processKey,
        stageKey: instance.currentStageKey,
        ...details,
        cancelledTasks,
        releasedExecutions,
      });
      return this.response(instance);
    });
  }

  /** Call inside a unit of work. */
  async load(id: string): Promise<InstanceTable> {
    const instance = await this.repository.find(id);
    if (!instance) throw new NotFoundException(`Instance ${id} does not exist.`);
    return instance;
  }

  private async loadOpen(id: string, action: string): Promise<InstanceTable> {
    const instance = await this.load(id);
    if (CLOSED.has(instance.status)) throw new ConflictException(`Instance ${id} is ${instance.status}; it cannot ${action}.`);
    return instance;
  }

  private async response(instance: InstanceTable, entity?: EntityTable): Promise<InstanceResponse> {
    const owner = entity ?? (await this.repository.findEntity(instance.entityId));
    return toInstanceResponse(instance, owner, await this.repository.findOpenVisit(instance.id));
  }
}
