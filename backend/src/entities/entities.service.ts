import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { isUUID } from 'class-validator';
import type { Actor } from '../auth/actor';
import { CaseScopeService } from '../auth/case-scope';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import { Page, pageOf } from '../common/paging';
import { Database } from '../database/database';
import { isUniqueViolation } from '../database/errors';
import type { EntityTable } from '../database/tables';
import { EventsService } from '../events/events.service';
import { TimersService } from '../timers/timers.service';
import { EntitiesRepository } from './entities.repository';
import { EntityRelationsService } from './entity-relations.service';
import {
  ConvertEntityDto,
  EntityDetailResponse,
  EntityInput,
  EntityListItem,
  EntityResponse,
  ListEntitiesQueryDto,
  toEntityDetailResponse,
  toEntityResponse,
  UpdateEntityDto,
  UpsertEntityResult,
} from './entities.dto';
import { checkAttributesSize, checkEntityInput, EntityFields, fieldErrors, mergeAttributes, planEntityChanges } from './entity-changes';

@Injectable()
export class EntitiesService {
  constructor(
    private readonly db: Database,
    private readonly repository: EntitiesRepository,
    private readonly events: EventsService,
    private readonly timers: TimersService,
    private readonly clock: Clock,
    private readonly scope: CaseScopeService,
    private readonly relations: EntityRelationsService,
  ) {}

  async upsert(actor: Actor, input: EntityInput): Promise<UpsertEntityResult> {
    const { entity, created } = await this.db.transaction(() => this.upsertInTransaction(actor, input));
    return { entity: toEntityResponse(entity), created };
  }

  /** Joins the caller's open transaction (an instance launch upserts its entity this way). */
  async upsertInTransaction(actor: Actor, input: EntityInput, relationsField = 'relations'): Promise<{ entity: EntityTable; created: boolean }> {
    const errors = checkEntityInput(input, true);
    if (errors.length > 0) throw fieldErrors(errors);
    await this.assertEntityType('type', input.type);
    // Every related record is found before the first write, so a link to a missing one changes nothing.
    const relations = input.relations === undefined ? [] : await this.relations.resolve(input.relations, relationsField);
    const result = await this.upsertRecord(actor, input);
    await this.relations.apply(actor, result.entity, relations);
    return result;
  }

  private async upsertRecord(actor: Actor, input: EntityInput): Promise<{ entity: EntityTable; created: boolean }> {
    const existing = await this.repository.findByKey(input.type, input.externalId, true);
    if (existing) return { entity: await this.applyChanges(actor, existing, input), created: false };

    const attributes = mergeAttributes({}, input.attributes ?? {}).merged;
    const tooBig = checkAttributesSize(attributes);
    if (tooBig.length > 0) throw fieldErrors(tooBig);
    const now = this.clock.now();
    const row: EntityTable = {
      id: newId(),
      type: input.type,
      externalId: input.externalId,
      name: input.name ?? input.externalId,
      email: input.email ?? null,
      managerEmail: input.managerEmail ?? null,
      attributes,
      createdAt: now,
      updatedAt: now,
    };
    if (await this.repository.insertIfAbsent(row)) {
      await this.events.record(actor, 'entity.created', { entityId: row.id }, { type: row.type, externalId: row.externalId, name: row.name });
      return { entity: row, created: true };
    }
    // A concurrent upsert of the same key inserted first: ours becomes an update of its row.
    const winner = await this.repository.findByKey(input.type, input.externalId, true);
    if (!winner) throw new Error(`entity ${input.type}/${input.externalId} vanished during upsert`);
    return { entity: await this.applyChanges(actor, winner, input), created: false };
  }

  async list(query: ListEntitiesQueryDto): Promise<Page<EntityListItem>> {
    const [rows, total, stalled] = await this.db.read(async () => {
      const [page, count] = await this.repository.list({ type: query.type, q: query.q, limit: query.limit ?? 50, offset: query.offset ?? 0 });
      return [page, count, await this.repository.stalledAmong(page.map((row) => row.id))] as const;
    });
    return pageOf(rows.map((row) => ({ ...toEntityResponse(row), stalled: stalled.has(row.id) })), total, query);
  }

  async get(actor: Actor, id: string): Promise<EntityDetailResponse> {
    const [row, instances] = await this.db.read(async () => {
      const entity = await this.getRow(id);
      const inScope = this.scope.findOperator(await this.scope.of(actor));
      return [entity, await this.repository.instancesOf(entity.id, inScope)] as const;
    });
    return toEntityDetailResponse(row, instances);
  }

  /** Plain repository call, so it also works inside a caller's transaction. */
  async getRow(id: string, forUpdate = false): Promise<EntityTable> {
    const row = isUUID(id) ? await this.repository.findById(id, forUpdate) : null;
    if (!row) throw new NotFoundException(`Entity "${id}" not found.`);
    return row;
  }

  async update(actor: Actor, id: string, dto: UpdateEntityDto): Promise<EntityResponse> {
    const row = await this.db.transaction(async () => {
      const current = await this.getRow(id, true);
      const errors = checkEntityInput(dto, false);
      if (errors.length > 0) throw fieldErrors(errors);
      return this.applyChanges(actor, current, dto);
    });
    return toEntityResponse(row);
  }

  async convert(actor: Actor, id: string, dto: ConvertEntityDto): Promise<EntityResponse> {
    let externalId = '';
    const row = await this.db
      .transaction(async () => {
        const current = await this.getRow(id, true);
        externalId = current.externalId;
        await this.assertEntityType('toType', dto.toType);
        if (dto.toType === current.type) {
          throw fieldErrors([{ field: 'toType', messages: [`the entity is already of type "${current.type}"`] }]);
        }
        if (await this.repository.findByKey(dto.toType, current.externalId)) throw conversionClash(dto.toType, externalId);
        const now = this.clock.now();
        await this.repository.update(current.id, { type: dto.toType, updatedAt: now });
        await this.events.record(actor, 'entity.converted', { entityId: current.id }, { from: current.type, to: dto.toType });
        return { ...current, type: dto.toType, updatedAt: now };
      })
      .catch((error: unknown) => {
        throw isUniqueViolation(error) ? conversionClash(dto.toType, externalId) : error;
      });
    return toEntityResponse(row);
  }

  private async applyChanges(actor: Actor, current: EntityTable, fields: EntityFields): Promise<EntityTable> {
    const changes = planEntityChanges(current, fields);
    if (!changes) return current;
    if (changes.patch.attributes) {
      const tooBig = checkAttributesSize(changes.patch.attributes);
      if (tooBig.length > 0) throw fieldErrors(tooBig);
    }
    const updatedAt = this.clock.now();
    await this.repository.update(current.id, { ...changes.patch, updatedAt });
    await this.events.record(actor, 'entity.updated', { entityId: current.id }, { before: changes.before, after: changes.after });
    // A timer may be anchored on the entity ("14 days before entity.attributes.courseStart").
    await this.timers.recomputeForEntity(current.id, actor);
    return { ...current, ...changes.patch, updatedAt };
  }

  private async assertEntityType(field: string, type: string): Promise<void> {
    if (!(await this.repository.entityTypeExists(type))) {
      throw fieldErrors([{ field, messages: [`unknown entity type "${type}"`] }]);
    }
  }
}

const conversionClash = (toType: string, externalId: string): ConflictException =>
  new ConflictException(`An entity of type "${toType}" with externalId "${externalId}" already exists; it cannot be converted into a second one.`);
