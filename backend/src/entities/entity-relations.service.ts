import { Injectable, NotFoundException } from '@nestjs/common';
import { isUUID } from 'class-validator';
import type { Actor } from '../auth/actor';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import type { FieldError } from '../common/validation';
import { Database } from '../database/database';
import type { EntityTable } from '../database/tables';
import { EventsService } from '../events/events.service';
import { EntitiesRepository } from './entities.repository';
import { toEntityResponse } from './entities.dto';
import type { EntityRelatedResponse, RelatedQueryDto } from './entity-relations.dto';
import { EntityRelationsRepository } from './entity-relations.repository';
import { checkRelationsInput, MAX_INCOMING, RelationsInput, RelationTarget } from './entity-relations';
import { normalizeRecordField, readRecordField, RECORD_FIELD_RULE, valueText } from './record-field';
import { fieldErrors } from './entity-changes';

/** A relation input with its target looked up: null removes the link. */
export interface ResolvedRelation {
  name: string;
  target: EntityTable | null;
}

@Injectable()
export class EntityRelationsService {
  constructor(
    private readonly db: Database,
    private readonly repository: EntityRelationsRepository,
    private readonly entities: EntitiesRepository,
    private readonly events: EventsService,
    private readonly clock: Clock,
  ) {}

  /** Checks the shape and finds every target, before the caller writes anything. Joins its transaction. */
  async resolve(input: unknown, field: string): Promise<ResolvedRelation[]> {
    const shape = checkRelationsInput(input, field);
    if (shape.length > 0) throw fieldErrors(shape);
    const resolved: ResolvedRelation[] = [];
    const missing: FieldError[] = [];
    for (const [name, target] of Object.entries(input as RelationsInput)) {
      const found = target ? await this.findTarget(target) : null;
      if (target && !found) missing.push({ field: `${field}.${name}`, messages: [`there is no ${describe(target)}: create that record first`] });
      resolved.push({ name, target: found });
    }
    if (missing.length > 0) throw fieldErrors(missing);
    return resolved;
  }

  /** Sets, moves or removes each named link of `entity`; unchanged links write nothing. Joins the caller's transaction. */
  async apply(actor: Actor, entity: EntityTable, relations: ResolvedRelation[]): Promise<void> {
    for (const { name, target } of relations) {
      if (target?.id === entity.id) throw fieldErrors([{ field: `relations.${name}`, messages: ['a record cannot be related to itself'] }]);
      const current = await this.repository.find(entity.id, name);
      if ((current?.relatedId ?? null) === (target?.id ?? null)) continue;
      if (!target) await this.repository.remove(current!.id);
      else if (current) await this.repository.retarget(current.id, target.id);
      else await this.repository.insert({ id: newId(), entityId: entity.id, name, relatedId: target.id, createdAt: this.clock.now() });
      await this.events.record(
        actor,
        'entity.related',
        { entityId: entity.id },
        { name, from: current?.relatedId ?? null, to: target ? { id: target.id, type: target.type, externalId: target.externalId } : null },
      );
    }
  }

  async set(actor: Actor, id: string, name: string, target: RelationTarget | null): Promise<EntityRelatedResponse> {
    await this.db.transaction(async () => {
      const entity = await this.load(id, true);
      await this.apply(actor, entity, await this.resolve({ [name]: target }, 'relations'));
    });
    return this.related(id, {});
  }

  async related(id: string, query: RelatedQueryDto): Promise<EntityRelatedResponse> {
    return this.db.read(async () => {
      const entity = await this.load(id);
      const outgoing = await this.repository.outgoing(entity.id);
      const skipPath = query.skipField === undefined ? null : normalizeRecordField(query.skipField);
      if (query.skipField !== undefined && !skipPath) throw fieldErrors([{ field: 'skipField', messages: [RECORD_FIELD_RULE] }]);
      const skipped = (row: EntityTable): boolean => skipPath !== null && valueText(readRecordField(row, skipPath)) === (query.skipValue ?? '');
      const incoming = (await this.repository.incoming(entity.id, { name: query.name, type: query.type })).filter((row) => !skipped(row.entity));
      const limit = query.limit ?? MAX_INCOMING;
      return {
        outgoing: outgoing.filter((row) => !query.name || row.name === query.name).map((row) => ({ name: row.name, entity: toEntityResponse(row.entity) })),
        incoming: incoming.slice(0, limit).map((row) => ({ name: row.name, entity: toEntityResponse(row.entity) })),
        incomingTotal: incoming.length,
      };
    });
  }

  private async load(id: string, forUpdate = false): Promise<EntityTable> {
    const row = isUUID(id) ? await this.entities.findById(id, forUpdate) : null;
    if (!row) throw new NotFoundException(`Entity "${id}" not found.`);
    return row;
  }

  private findTarget(target: RelationTarget): Promise<EntityTable | null> {
    if (target.id) return isUUID(target.id) ? this.entities.findById(target.id) : Promise.resolve(null);
    return this.entities.findByKey(target.type!, target.externalId!);
  }
}

const describe = (target: RelationTarget): string => (target.id ? `record with id ${target.id}` : `${target.type} record "${target.externalId}"`);
