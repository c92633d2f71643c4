import { Database } from '../database/database';
import type { DocumentStore } from './document-store';

/**
 * Bytes in the `document_contents` table, next to their row: every replica reads what any one
 * stored, and a backup of the database is a backup of the files. The table is reached with plain
 * SQL because its column is a BLOB on SQLite and a BYTEA on PostgreSQL (see case-document.table.ts).
 * Keys are document ids; the row cascades with its document.
 */
export class DatabaseStore implements DocumentStore {
  readonly kind = 'database' as const;

  constructor(private readonly db: Database) {}

  /** Joins the transaction that writes the document's row, so both are written or neither. */
  put(key: string, bytes: Buffer): Promise<void> {
    return this.db.transaction(async () => {
      await this.db.manager.query(`INSERT INTO document_contents (document_id, content) VALUES (${this.params(2)})`, [key, bytes]);
    });
  }

  async get(key: string): Promise<Buffer> {
    const rows = await this.db.read(() =>
      this.db.manager.query(`SELECT content FROM document_contents WHERE document_id = ${this.params(1)}`, [key]) as Promise<Array<{ content: Buffer }>>,
    );
    const row = rows[0];
    if (!row) throw new Error(`document ${key} has no content`);
    return Buffer.from(row.content);
  }

  remove(key: string): Promise<void> {
    return this.db.transaction(async () => {
      await this.db.manager.query(`DELETE FROM document_contents WHERE document_id = ${this.params(1)}`, [key]);
    });
  }

  private params(count: number): string {
    return Array.from({ length: count }, (_, i) => (this.db.isPostgres ? `$${i + 1}` : '?')).join(', ');
  }
}
