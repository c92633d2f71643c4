import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/config';
import { Database } from '../database/database';
import type { DocumentStorage } from '../database/tables';
import { DatabaseStore } from './database-store';
import type { DocumentStore } from './document-store';
import { FolderStore } from './folder-store';

/** Both stores, and the one new documents go to: CASEFLOW_DOCUMENT_STORE, else the folder on SQLite and the database on PostgreSQL. */
@Injectable()
export class DocumentStores {
  readonly folder: FolderStore;
  readonly database: DatabaseStore;
  readonly current: DocumentStore;

  constructor(db: Database, @Inject(APP_CONFIG) config: AppConfig) {
    this.folder = new FolderStore(config.documents.folder);
    this.database = new DatabaseStore(db);
    const kind = config.documents.store ?? (db.isPostgres ? 'database' : 'folder');
    this.current = this.of(kind);
  }

  /** The store a document was written to (its row's `storage`), whatever is configured now. */
  of(kind: DocumentStorage): DocumentStore {
    return kind === 'folder' ? this.folder : this.database;
  }

  keyOf(store: DocumentStore, instanceId: string, documentId: string): string {
    return store.kind === 'folder' ? FolderStore.keyOf(instanceId, documentId) : documentId;
  }
}
