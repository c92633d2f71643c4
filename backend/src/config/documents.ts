import { dirname, resolve } from 'node:path';
import type { DatabaseConfig } from './config';

/** Documents on a case (documents/): where their bytes go and what is accepted. */
export interface DocumentsConfig {
  /**
   * CASEFLOW_DOCUMENT_STORE: `folder` or `database`. Unset: the folder on SQLite (one machine), the
   * database on PostgreSQL, where several replicas must all read what any one of them stored.
   */
  store?: 'folder' | 'database';
  /** The folder store's root: `<data dir>/documents` (CASEFLOW_DOCUMENT_FOLDER overrides). */
  folder: string;
  /** CASEFLOW_DOCUMENT_MAX_BYTES: the largest file, 10 MiB by default. */
  maxBytes: number;
  /** CASEFLOW_DOCUMENT_TYPES: the MIME types accepted, comma-separated. */
  types: string[];
}

export const DEFAULT_DOCUMENT_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'text/plain',
  'text/csv',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];

const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

export function readDocumentsConfig(env: NodeJS.ProcessEnv, database: DatabaseConfig): DocumentsConfig {
  const store = env.CASEFLOW_DOCUMENT_STORE?.trim();
  if (store && store !== 'folder' && store !== 'database') {
    throw new Error(`CASEFLOW_DOCUMENT_STORE must be folder or database, got "${store}"`);
  }
  const rawMax = env.CASEFLOW_DOCUMENT_MAX_BYTES;
  const maxBytes = rawMax === undefined || rawMax === '' ? DEFAULT_MAX_BYTES : Number(rawMax);
  if (!Number.isInteger(maxBytes) || maxBytes < 1) {
    throw new Error(`CASEFLOW_DOCUMENT_MAX_BYTES must be a positive integer, got "${rawMax}"`);
  }
  const types = (env.CASEFLOW_DOCUMENT_TYPES ?? '').split(',').map((type) => type.trim().toLowerCase()).filter(Boolean);
  // The SQLite file's own folder is the data folder, wherever DATABASE_URL put it.
  const dataDir = database.type === 'sqlite' && database.path !== ':memory:' ? dirname(database.path) : resolve(env.CASEFLOW_DATA_DIR ?? 'data');
  return {
    store: store === 'folder' || store === 'database' ? store : undefined,
    folder: resolve(env.CASEFLOW_DOCUMENT_FOLDER ?? resolve(dataDir, 'documents')),
    maxBytes,
    types: types.length > 0 ? types : DEFAULT_DOCUMENT_TYPES,
  };
}

/**
 * The default body limit: ordinary bodies are small, but a launch or an upload carries a whole
 * file as base64 (4 bytes for every 3), so the limit follows the largest document allowed.
 */
export const bodyLimitFor = (documents: DocumentsConfig): number =>
  Math.max(DEFAULT_MAX_BYTES, Math.ceil(documents.maxBytes / 3) * 4 + 1024 * 1024);
