import { statSync } from 'node:fs';
import type BetterSqlite3 from 'better-sqlite3';
import { newId } from '../../src/common/ids';
import { Database } from '../../src/database/database';
import { QueueTable } from '../../src/database/tables';
import { WalCheckpointer } from '../../src/database/wal-checkpointer';
import { TEST_DB } from '../support/database';
import { startTestApp, TestApp } from '../support/test-app';

describe('WAL checkpoints', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const worker = () => (t.app.get(WalCheckpointer) as unknown as { worker: unknown }).worker;

  if (TEST_DB === 'postgres') {
    it('runs no checkpointer on PostgreSQL', () => {
      expect(worker()).toBeNull();
    });
    return;
  }

  it('keeps the write-ahead log small while the server writes, checkpointing off the event loop', async () => {
    const db = t.app.get(Database);
    const connection = (db.dataSource.driver as unknown as { databaseConnection: BetterSqlite3.Database }).databaseConnection;
    expect(connection.pragma('wal_autocheckpoint', { simple: true })).toBe(10_000);
    expect(worker()).not.toBeNull();

    // ~12 MB of rows over ~2 s: the connection's own checkpoints would wait for 40 MB of log.
    const padding = 'x'.repeat(1000);
    for (let round = 0; round < 20; round++) {
      await Promise.all(
        Array.from({ length: 600 }, (_, n) =>
          db.transaction(() =>
            db.insert(QueueTable, {
              id: newId(),
              key: `wal-${round}-${n}`,
              name: 'WAL',
              description: padding,
              calendarKey: null,
              supervisorQueueKey: null,
              createdAt: 0,
              updatedAt: 0,
            }),
          ),
        ),
      );
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const path = (t.config.database as { path: string }).path;
    expect(statSync(path).size).toBeGreaterThan(12_000_000);
    // The log is started over whenever a checkpoint catches up: it never held everything.
    expect(statSync(`${path}-wal`).size).toBeLessThan(12_000_000);
  });
});
