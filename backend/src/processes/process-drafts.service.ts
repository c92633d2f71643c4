import { isDeepStrictEqual } from 'node:util';
import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import { Database } from '../database/database';
import { isUniqueViolation } from '../database/errors';
import type { ProcessTable } from '../database/tables';
import { EventsService } from '../events/events.service';
import { checkDefinition } from './definition-problems';
import { assertFlowShape } from './flow-shape';
import { ProcessArchivesRepository } from './process-archives.repository';
import { applyEdit, DEFINITION_FIELDS, EMPTY_DEFINITION, ProcessDefinition, referencedNames } from './process-definition';
import { CreateProcessDto, ProcessResponse, toProcessResponse, UpdateProcessDto } from './processes.dto';
import { ProcessesRepository } from './processes.repository';
import { processNotFound } from './processes.service';
import { assertPublishable } from './publish-guard';

/**
 * Writing process definitions. A key has at most one draft, which is the only editable
 * version; publishing freezes it, because running instances keep the version they started on.
 */
@Injectable()
export class ProcessDraftsService {
  constructor(
    private readonly db: Database,
    private readonly repository: ProcessesRepository,
    private readonly archives: ProcessArchivesRepository,
    private readonly events: EventsService,
    private readonly clock: Clock,
  ) {}

  async create(actor: Actor, dto: CreateProcessDto): Promise<ProcessResponse> {
    assertFlowShape(dto.flow);
    const definition = applyEdit(EMPTY_DEFINITION, dto);
    const row = await this.db
      .transaction(async () => {
        if (await this.repository.keyExists(dto.key)) throw keyTaken(dto.key);
        await this.assertValid(definition);
        const now = this.clock.now();
        const created: ProcessTable = { id: newId(), key: dto.key, version: 1, status: 'draft', ...definition, createdAt: now, updatedAt: now, publishedAt: null };
        await this.repository.insert(created);
        await this.events.record(actor, 'process.created', {}, { processId: created.id, key: created.key, version: 1 });
        return created;
      })
      .catch((error: unknown) => {
        throw isUniqueViolation(error) ? keyTaken(dto.key) : error;
      });
    return toProcessResponse(row);
  }

  async updateDraft(actor: Actor, key: string, dto: UpdateProcessDto): Promise<ProcessResponse> {
    assertFlowShape(dto.flow);
    const row = await this.db.transaction(async () => {
      const draft = await this.repository.findDraft(key);
      if (!draft) throw await this.noDraft(key, 'to edit; published versions cannot be changed');
      return this.edit(actor, draft, dto);
    });
    return this.respond(row);
  }

  /** Editing a version by number: allowed only while that version is the draft. */
  async updateVersion(actor: Actor, key: string, version: number, dto: UpdateProcessDto): Promise<ProcessResponse> {
    assertFlowShape(dto.flow);
    const row = await this.db.transaction(async () => {
      const target = await this.repository.findVersion(key, version);
      if (!target) throw new NotFoundException(`Process "${key}" has no version ${version}.`);
      if (target.status !== 'draft') throw frozen(target);
      return this.edit(actor, target, dto);
    });
    return this.respond(row);
  }

  async createDraft(actor: Actor, key: string): Promise<ProcessResponse> {
    const row = await this.db
      .transaction(async () => {
        const existing = await this.repository.findDraft(key);
        if (existing) throw draftExists(existing);
        const published = await this.repository.findLatestPublished(key);
        if (!published) throw processNotFound(key);
        const now = this.clock.now();
        const version = (await this.repository.maxVersion(key)) + 1;
        const draft: ProcessTable = { ...published, id: newId(), version, status: 'draft', createdAt: now, updatedAt: now, publishedAt: null };
        await this.repository.insert(draft);
        await this.events.record(actor, 'process.draft_created', {}, { processId: draft.id, key, version, fromVersion: published.version });
        return draft;
      })
      .catch((error: unknown) => {
        throw isUniqueViolation(error) ? new ConflictException(`Process "${key}" already has a draft.`) : error;
      });
    return this.respond(row);
  }

  async publish(actor: Actor, key: string): Promise<ProcessResponse> {
    const row = await this.db.transaction(async () => {
      const draft = await this.repository.findDraft(key);
      if (!draft) throw await this.noDraft(key, 'to publish');
      // Queues, calendars or users named by the draft may have been removed since it was saved.
      await this.assertValid(draft);
      assertPublishable(draft);
      const now = this.clock.now();
      const published: ProcessTable = { ...draft, status: 'published', publishedAt: now, updatedAt: now };
      const changed = await this.repository.updateDraft(draft.id, { status: 'published', publishedAt: now, updatedAt: now });
      if (changed === 0) throw frozen(published);
      await this.events.record(actor, 'process.published', {}, { processId: draft.id, key, version: draft.version });
      return published;
    });
    return this.respond(row);
  }

  private async edit(actor: Actor, draft: ProcessTable, dto: UpdateProcessDto): Promise<ProcessTable> {
    const next = applyEdit(draft, dto);
    const fields = DEFINITION_FIELDS.filter((field) => !isDeepStrictEqual(next[field], draft[field]));
    if (fields.length === 0) return draft;
    await this.assertValid(next);
    const updatedAt = this.clock.now();
    const changed = await this.repository.updateDraft(draft.id, { ...next, updatedAt });
    if (changed === 0) throw frozen(draft);
    await this.events.record(actor, 'process.draft_updated', {}, { processId: draft.id, key: draft.key, version: draft.version, fields });
    return { ...draft, ...next, updatedAt };
  }

  /** Archiving is per key, so a new draft or version of an archived process says so too. */
  private async respond(row: ProcessTable): Promise<ProcessResponse> {
    return toProcessResponse(row, await this.db.read(() => this.archives.archivedAt(row.key)));
  }

  private async assertValid(definition: ProcessDefinition): Promise<void> {
    const refs = await this.repository.existingReferences(referencedNames(definition));
    const details = checkDefinition(definition, refs);
    if (details.length === 0) return;
    throw new BadRequestException({
      error: 'Bad Request',
      message: details.map((d) => `${d.field}: ${d.messages.join(', ')}`).join('; '),
      details,
    });
  }

  private async noDraft(key: string, purpose: string): Promise<Error> {
    if (!(await this.repository.keyExists(key))) return processNotFound(key);
    return new ConflictException(
      `Process "${key}" has no draft ${purpose}. Start one from the latest published version with POST /processes/${key}/draft.`,
    );
  }
}

const keyTaken = (key: string) => new ConflictException(`A process with key "${key}" already exists.`);
const draftExists = (draft: ProcessTable) =>
  new ConflictException(`Process "${draft.key}" already has a draft (v${draft.version}); edit or publish it first.`);
const frozen = (row: ProcessTable) =>
  new ConflictException(`Process "${row.key}" v${row.version} is published and cannot be changed; create a new draft with POST /processes/${row.key}/draft.`);
