import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { DataSourceOptions, LoggerOptions } from 'typeorm';
import type { DatabaseConfig } from '../config/config';
import { TABLES } from './tables';

export function dataSourceOptions(config: DatabaseConfig): DataSourceOptions {
  const common = {
    entities: TABLES,
    migrationsRun: false,
    synchronize: false,
    // Expected failures (a lost idempotency race, a unique clash answered with 409) would be
    // logged as errors here; unexpected ones reach the exception filter, which logs them.
    logging: false as LoggerOptions,
  };
  if (config.type === 'postgres') {
    return {
      ...common,
      type: 'postgres',
      url: config.url,
      migrations: [join(__dirname, 'migrations', 'postgres', '*.{ts,js}')],
      extra: { max: 20 },
    };
  }
  if (config.path !== ':memory:') mkdirSync(dirname(config.path), { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database: config.path,
    migrations: [join(__dirname, 'migrations', 'sqlite', '*.{ts,js}')],
    enableWAL: true,
    prepareDatabase: (db: { pragma(source: string): unknown }) => {
      // Another process (the CLI, a second backend by mistake) waits instead of failing at once.
      db.pragma('busy_timeout = 5000');
      db.pragma('foreign_keys = ON');
      // With WAL, NORMAL keeps the database consistent on power loss and makes commits cheap.
      db.pragma('synchronous = NORMAL');
      // Savepoints (one per unit of work, see Database) journal into temporary storage; in
      // memory that costs no file writes.
      db.pragma('temp_store = MEMORY');
      // 64 MiB of page cache (the default is 2 MiB): the open-task indexes stay in memory.
      db.pragma('cache_size = -65536');
    },
  };
}
