import type { DataSource } from 'typeorm';

/** The PostgreSQL advisory lock the replicas take around migrations: any constant of the application's own ("case" in ASCII). */
const MIGRATION_LOCK = 0x63617365;

/**
 * Runs the pending migrations. On PostgreSQL, replicas of a new deployment start at the same moment
 * (a Kubernetes Deployment, compose without depends_on), and two of them migrating an empty database
 * at once fail one of them (`duplicate key value violates unique constraint
 * "pg_class_relname_nsp_index"`): TypeORM takes no lock. So each holds a session-level advisory lock
 * while it migrates; the next one waits for it, then finds nothing left to run. SQLite is one process.
 */
export async function migrate(source: DataSource): Promise<void> {
  if (source.options.type !== 'postgres') {
    await source.runMigrations();
    return;
  }
  const lock = source.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await source.runMigrations();
    } finally {
      await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    await lock.release();
  }
}
