import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Response } from 'superagent';
import { DEFAULT_DOCUMENT_TYPES, DocumentsConfig } from '../../src/config/documents';
import { CaseDocumentTable, EventTable } from '../../src/database/tables';
import { TEST_DB } from '../support/database';
import { Client, startTestApp, TestApp } from '../support/test-app';

/** The store a backend uses unless told otherwise (folder on SQLite, database on PostgreSQL), and the other one. */
export const DEFAULT_STORE = TEST_DB === 'postgres' ? 'database' : 'folder';
export const OTHER_STORE = TEST_DB === 'postgres' ? 'folder' : 'database';

export const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
export const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('not really pixels')]);

export const asFile = (name: string, contentType: string, bytes: Buffer, extra: Record<string, unknown> = {}) => ({
  name,
  contentType,
  content: bytes.toString('base64'),
  ...extra,
});

export interface DocumentsApp {
  t: TestApp;
  folder: string;
  close(): Promise<void>;
}

/** A backend with its own documents folder; small limits unless given, and text/html allowed (to prove it is never shown inline). */
export async function startDocumentsApp(documents: Partial<DocumentsConfig> = {}): Promise<DocumentsApp> {
  const folder = mkdtempSync(join(tmpdir(), 'caseflow-documents-'));
  const t = await startTestApp({
    config: { documents: { folder, maxBytes: 4096, types: [...DEFAULT_DOCUMENT_TYPES, 'text/html'], ...documents } },
  });
  return {
    t,
    folder,
    close: async () => {
      await t.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

export function countFiles(folder: string): number {
  let count = 0;
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    count += statSync(path).isDirectory() ? countFiles(path) : 1;
  }
  return count;
}

/** Everything storing a document writes: rows, bytes in either store, events. */
export async function footprint(app: DocumentsApp): Promise<Record<string, number>> {
  const { t } = app;
  return t.db.read(async () => ({
    documents: await t.db.manager.count(CaseDocumentTable),
    contents: Number(((await t.db.manager.query('SELECT COUNT(*) AS n FROM document_contents')) as Array<{ n: number | string }>)[0]!.n),
    events: await t.db.manager.count(EventTable),
    files: countFiles(app.folder),
  }));
}

/** supertest keeps a binary body only when told to collect it as bytes. */
const bytes = (res: Response, done: (error: Error | null, body: Buffer) => void): void => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};
export const download = (client: Client, path: string) => client.get(path.replace(/^\/api\/v1/, '')).buffer(true).parse(bytes);
