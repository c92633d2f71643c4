import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { CaseScopeService } from '../auth/case-scope';
import { Database } from '../database/database';
import { CaseDocumentTable, DocumentSource, InstanceTable } from '../database/tables';
import { EventsService } from '../events/events.service';
import { isProblem } from './document-rules';
import { DocumentStores } from './document-stores';
import { DocumentWriter } from './document-writer';
import { AddDocumentDto, DocumentResponse, toDocumentResponse } from './documents.dto';
import { DocumentsRepository } from './documents.repository';

export interface DocumentFile {
  filename: string;
  contentType: string;
  bytes: Buffer;
}

/**
 * Files on a case. Every call follows the case's visibility (CaseScopeService): a reviewer
 * outside the case's queues is refused with 403, as on every other read of the case. A closed
 * case still takes documents: late paperwork arrives after the decision.
 */
@Injectable()
export class DocumentsService {
  constructor(
    private readonly db: Database,
    private readonly repository: DocumentsRepository,
    private readonly writer: DocumentWriter,
    private readonly stores: DocumentStores,
    private readonly events: EventsService,
    private readonly scope: CaseScopeService,
  ) {}

  async add(actor: Actor, instanceId: string, dto: AddDocumentDto, source: DocumentSource): Promise<DocumentResponse> {
    const row = await this.writer.transaction(async (write) => {
      const instance = await this.loadVisibleCase(actor, instanceId);
      if (dto.taskId && !(await this.repository.taskOfInstance(dto.taskId, instanceId))) {
        throw fieldError('taskId', `task ${dto.taskId} is not a task of case ${instanceId}`);
      }
      const prepared = this.writer.prepare(dto, 'supporting');
      if (isProblem(prepared)) throw fieldError('content', prepared.problem);
      return write(actor, instance, prepared, { source, taskId: dto.taskId ?? null });
    });
    return toDocumentResponse(row);
  }

  async list(actor: Actor, instanceId: string, kind?: string): Promise<DocumentResponse[]> {
    return this.db.read(async () => {
      await this.loadVisibleCase(actor, instanceId);
      return (await this.repository.listForInstance(instanceId, kind ? [kind] : undefined)).map(toDocumentResponse);
    });
  }

  async get(actor: Actor, id: string): Promise<DocumentResponse> {
    return toDocumentResponse(await this.db.read(() => this.loadVisible(actor, id)));
  }

  async content(actor: Actor, id: string): Promise<DocumentFile> {
    const row = await this.db.read(() => this.loadVisible(actor, id));
    const bytes = await this.stores.of(row.storage).get(row.storageKey).catch(() => {
      throw new NotFoundException(`The content of document ${id} is missing from the ${row.storage} store.`);
    });
    return { filename: row.name, contentType: row.contentType, bytes };
  }

  /** The row (and with it the database store's bytes) goes in the transaction; a folder file once it has committed. */
  async remove(actor: Actor, id: string): Promise<void> {
    const removed = await this.db.transaction(async () => {
      const row = await this.loadVisible(actor, id);
      const instance = await this.db.findOneBy(InstanceTable, { id: row.instanceId });
      await this.repository.remove(row.id);
      await this.events.record(
        actor,
        'document.removed',
        { instanceId: row.instanceId, entityId: instance?.entityId ?? null, taskId: row.taskId },
        { documentId: row.id, name: row.name, kind: row.kind, size: row.size },
      );
      return row;
    });
    // Awaited before answering, so a 204 means the file is gone too; one left by a crash here is an orphan the sweep removes.
    if (removed.storage === 'folder') await this.stores.folder.remove(removed.storageKey).catch(() => undefined);
  }

  /** Call inside a unit of work. */
  private async loadVisibleCase(actor: Actor, instanceId: string): Promise<InstanceTable> {
    const instance = await this.db.findOneBy(InstanceTable, { id: instanceId });
    if (!instance) throw new NotFoundException(`Instance ${instanceId} does not exist.`);
    await this.scope.assertVisible(actor, instanceId);
    return instance;
  }

  /** Call inside a unit of work. */
  private async loadVisible(actor: Actor, id: string): Promise<CaseDocumentTable> {
    const row = await this.repository.findById(id);
    if (!row) throw new NotFoundException(`There is no document ${id}.`);
    await this.scope.assertVisible(actor, row.instanceId);
    return row;
  }
}

const fieldError = (field: string, message: string): BadRequestException =>
  new BadRequestException({ message: `${field}: ${message}`, details: [{ field, messages: [message] }] });
