import type { Database } from '../../src/database/database';

/** Rows per table, on SQLite or PostgreSQL: what "nothing was written" is checked against. */
export async function countRows(db: Database): Promise<Record<string, number>> {
  const tables = (await db.manager.query(
    db.manager.connection.options.type === 'postgres'
      ? "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'"
      : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
  )) as Array<{ name: string }>;
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = (await db.manager.query(`SELECT COUNT(*) AS n FROM "${name}"`)) as Array<{ n: number | string }>;
    counts[name] = Number(row!.n);
  }
  return counts;
}
