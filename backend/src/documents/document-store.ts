import type { DocumentStorage } from '../database/tables';

/**
 * Where a document's bytes live. A store is given bytes once and never changes them; `put` may be
 * called inside the transaction that writes the document's row (see DocumentWriter).
 */
export interface DocumentStore {
  readonly kind: DocumentStorage;
  put(key: string, bytes: Buffer): Promise<void>;
  /** The bytes; an error when they are gone. */
  get(key: string): Promise<Buffer>;
  /** Removes the bytes; nothing happens when they are already gone. */
  remove(key: string): Promise<void>;
}
