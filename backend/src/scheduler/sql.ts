import type { Database } from '../database/database';

/**
 * Runs an `UPDATE … RETURNING` written with PostgreSQL's `$n` placeholders on either database.
 * SQLite binds `?` in order of appearance, so parameters are repeated as the text uses them;
 * pg answers an UPDATE through TypeORM as `[rows, rowCount]`, SQLite with the rows alone.
 */
export async function updateReturning<T>(db: Database, text: string, params: unknown[]): Promise<T[]> {
  if (db.isPostgres) {
    const [rows] = (await db.manager.query(text, params)) as [T[], number];
    return rows;
  }
  const ordered: unknown[] = [];
  const sqlite = text.replace(/\$(\d+)/g, (_, n: string) => {
    ordered.push(params[Number(n) - 1]);
    return '?';
  });
  return (await db.manager.query(sqlite, ordered)) as T[];
}

/**
 * How a claim locks its candidates: on PostgreSQL another replica's claimed rows are skipped,
 * not waited for, so replicas sweep side by side and never claim the same row. SQLite has one
 * writer, and the in-process queue already serialises the sweeps.
 */
export const skipLocked = (db: Database, table: string): string => (db.isPostgres ? `FOR UPDATE OF ${table} SKIP LOCKED` : '');
