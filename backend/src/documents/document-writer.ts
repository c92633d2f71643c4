import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import { APP_CONFIG, AppConfig } from '../config/config';
import { Database } from '../database/database';
import type { CaseDocumentTable, DocumentSource, InstanceTable } from '../database/tables';
import { EventsService } from '../events/events.service';
import { CheckedContent, checkDocumentContent, DocumentInput, isProblem } from './document-rules';
import type { DocumentStore } from './document-store';
import { DocumentStores } from './document-stores';
import type { DocumentReference } from './documents.dto';
import { DocumentsRepository } from './documents.repository';

/** A file that passed every check, with the id it will be written under (so a case's data can name it first). */
export interface PreparedDocument extends CheckedContent {
  id: string;
  kind: string;
  field: string | null;
}

/** The bytes a transaction put in a store, to take back out if it does not commit. */
type Written = Array<{ store: DocumentStore; key: string }>;

/** Checks, stores and records documents on a case: uploads and launches both come here. */
@Injectable()
export class DocumentWriter {
  private readonly logger = new Logger('Documents');

  constructor(
    private readonly db: Database,
    private readonly repository: DocumentsRepository,
    private readonly stores: DocumentStores,
    private readonly events: EventsService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The document ready to write, or the rule it breaks (naming the file). */
  prepare(input: DocumentInput & { kind?: string; field?: string }, defaultKind: string): PreparedDocument | { problem: string } {
    const checked = checkDocumentContent(input, this.config.documents);
    if (isProblem(checked)) return checked;
    return { ...checked, id: newId(), kind: input.kind ?? defaultKind, field: input.field ?? null };
  }

  /**
   * Runs `work` in one transaction and gives it a way to write documents. The folder store writes
   * its file before the transaction commits (a file cannot join a transaction): if the transaction
   * then fails — a later check, a constraint, a failed COMMIT — the files it wrote are removed, so
   * a refused or failed upload leaves neither a file nor a row. The database store's bytes are
   * rows in the same transaction and need no such care.
   */
  async transaction<T>(work: (write: DocumentWriteFn) => Promise<T>): Promise<T> {
    const written: Written = [];
    try {
      return await this.db.transaction(() => work((...args) => this.write(written, ...args)));
    } catch (error) {
      for (const { store, key } of written) {
        await store.remove(key).catch((cleanup: unknown) => this.logger.warn(`document ${key} not cleaned up (the sweep will): ${String(cleanup)}`));
      }
      throw error;
    }
  }

  private async write(written: Written, actor: Actor, instance: InstanceTable, document: PreparedDocument, origin: DocumentOrigin): Promise<CaseDocumentTable> {
    const store = this.stores.current;
    const row: CaseDocumentTable = {
      id: document.id,
      instanceId: instance.id,
      name: document.name,
      contentType: document.contentType,
      size: document.bytes.length,
      sha256: document.sha256,
      kind: document.kind,
      field: document.field,
      source: origin.source,
      taskId: origin.taskId ?? null,
      addedByType: actor.type,
      addedById: actor.id,
      addedByName: actor.name,
      storage: store.kind,
      storageKey: this.stores.keyOf(store, instance.id, document.id),
      createdAt: this.clock.now(),
    };
    await this.repository.insert(row);
    written.push({ store, key: row.storageKey });
    await store.put(row.storageKey, document.bytes);
    await this.events.record(
      actor,
      'document.added',
      { instanceId: instance.id, entityId: instance.entityId, taskId: row.taskId },
      { documentId: row.id, name: row.name, kind: row.kind, size: row.size, source: row.source },
    );
    return row;
  }
}

export interface DocumentOrigin {
  source: DocumentSource;
  taskId?: string | null;
}

export type DocumentWriteFn = (actor: Actor, instance: InstanceTable, document: PreparedDocument, origin: DocumentOrigin) => Promise<CaseDocumentTable>;

export const referenceTo = (document: PreparedDocument): DocumentReference => ({
  documentId: document.id,
  name: document.name,
  contentType: document.contentType,
  size: document.bytes.length,
});
