import { loadConfig } from './config';
import { DEFAULT_DOCUMENT_TYPES } from './documents';

describe('documents configuration', () => {
  it('defaults to 10 MiB files of the usual office types in <data dir>/documents, the store chosen by the database', () => {
    const config = loadConfig({ CASEFLOW_DATA_DIR: '/srv/caseflow' });
    expect(config.documents).toEqual({ store: undefined, folder: '/srv/caseflow/documents', maxBytes: 10 * 1024 * 1024, types: DEFAULT_DOCUMENT_TYPES });
  });

  it('keeps the folder next to a SQLite file named by DATABASE_URL', () => {
    expect(loadConfig({ DATABASE_URL: 'sqlite:/var/lib/cf/db.sqlite' }).documents.folder).toBe('/var/lib/cf/documents');
  });

  it('reads the store, the size limit, the types and the folder', () => {
    const config = loadConfig({
      CASEFLOW_DOCUMENT_STORE: 'database',
      CASEFLOW_DOCUMENT_MAX_BYTES: '2048',
      CASEFLOW_DOCUMENT_TYPES: 'application/pdf, Image/PNG',
      CASEFLOW_DOCUMENT_FOLDER: '/mnt/files',
    });
    expect(config.documents).toEqual({ store: 'database', folder: '/mnt/files', maxBytes: 2048, types: ['application/pdf', 'image/png'] });
  });

  it('refuses an unknown store or a size that is not a positive integer', () => {
    expect(() => loadConfig({ CASEFLOW_DOCUMENT_STORE: 's3' })).toThrow('CASEFLOW_DOCUMENT_STORE must be folder or database, got "s3"');
    expect(() => loadConfig({ CASEFLOW_DOCUMENT_MAX_BYTES: '0' })).toThrow('CASEFLOW_DOCUMENT_MAX_BYTES must be a positive integer, got "0"');
  });

  it('lets a whole file as base64 through the default body limit, unless CASEFLOW_BODY_LIMIT_BYTES says otherwise', () => {
    expect(loadConfig({}).bodyLimitBytes).toBeGreaterThan(Math.ceil((10 * 1024 * 1024) / 3) * 4);
    expect(loadConfig({ CASEFLOW_DOCUMENT_MAX_BYTES: String(30 * 1024 * 1024) }).bodyLimitBytes).toBeGreaterThan(40 * 1024 * 1024);
    expect(loadConfig({ CASEFLOW_BODY_LIMIT_BYTES: '1000' }).bodyLimitBytes).toBe(1000);
  });
});
