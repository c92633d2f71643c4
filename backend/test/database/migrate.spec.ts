import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { migrate } from '../../src/database/migrate';
import { createTestDatabase, TEST_DB, TestDatabase } from '../support/database';

// SQLite is one file written by one process by design; several replicas need PostgreSQL.
const onPostgres = TEST_DB === 'postgres' ? describe : describe.skip;
if (TEST_DB !== 'postgres') {
  // eslint-disable-next-line no-console
  console.info('migrate.spec: skipped on SQLite (one process by design); run with CASEFLOW_TEST_DB=postgres');
}

/**
 * Replicas of a new deployment start together and each migrates the empty database. Without the
 * lock, on PostgreSQL the second fails: `duplicate key value violates unique constraint
 * "pg_class_relname_nsp_index"` (both create the same tables at once).
 */
onPostgres('migrating one empty PostgreSQL database from several replicas at once', () => {
  let database: TestDatabase;
  let sources: DataSource[] = [];

  beforeEach(async () => {
    database = await createTestDatabase();
    sources = [0, 1, 2].map(() => new DataSource(dataSourceOptions(database.config)));
    await Promise.all(sources.map((source) => source.initialize()));
  });
  afterEach(async () => {
    await Promise.all(sources.filter((source) => source.isInitialized).map((source) => source.destroy()));
    await database.drop();
  });

  it('migrates once: every one starts, each migration runs once', async () => {
    const results = await Promise.allSettled(sources.map((source) => migrate(source)));
    expect(results.map((result) => (result.status === 'rejected' ? String(result.reason) : 'ok'))).toEqual(['ok', 'ok', 'ok']);
    const ran = (await sources[0]!.query('SELECT name FROM migrations')) as Array<{ name: string }>;
    expect(ran.length).toBe(sources[0]!.migrations.length);
    expect(new Set(ran.map((row) => row.name)).size).toBe(ran.length);
    expect(await sources[1]!.showMigrations()).toBe(false);
  });
});
