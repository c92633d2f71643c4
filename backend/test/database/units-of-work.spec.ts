import BetterSqlite3 from 'better-sqlite3';
import { Client } from 'pg';
import { newId } from '../../src/common/ids';
import { Database } from '../../src/database/database';
import { QueueTable } from '../../src/database/tables';
import { TEST_DB } from '../support/database';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * What Database.transaction and Database.read promise their callers, checked from a second
 * connection of its own: only committed work is visible there. On SQLite units of work share
 * a transaction (group commit); none of that may show through.
 */
describe('units of work', () => {
  let t: TestApp;
  let db: Database;
  let committedKeys: (keys: string[]) => Promise<string[]>;
  let closeObserver: () => Promise<void>;

  beforeAll(async () => {
    t = await startTestApp();
    db = t.db;
    if (t.config.database.type === 'sqlite') {
      const observer = new BetterSqlite3(t.config.database.path, { readonly: true });
      committedKeys = async (keys) =>
        (observer.prepare(`SELECT key FROM queues WHERE key IN (${keys.map(() => '?').join(', ')}) ORDER BY key`).all(...keys) as Array<{ key: string }>).map(
          (row) => row.key,
        );
      closeObserver = async () => {
        observer.close();
      };
    } else {
      const observer = new Client({ connectionString: t.config.database.url });
      await observer.connect();
      committedKeys = async (keys) => (await observer.query<{ key: string }>('SELECT key FROM queues WHERE key = ANY($1) ORDER BY key', [keys])).rows.map((row) => row.key);
      closeObserver = () => observer.end();
    }
  });
  afterAll(async () => {
    await closeObserver();
    await t.close();
  });

  const queue = (key: string): QueueTable => ({
    id: newId(),
    key,
    name: key,
    description: '',
    calendarKey: null,
    supervisorQueueKey: null,
    createdAt: t.clock.now(),
    updatedAt: t.clock.now(),
  });
  const keysOf = (prefix: string, count: number) => Array.from({ length: count }, (_, n) => `${prefix}-${String(n).padStart(3, '0')}`);

  it('answers a unit of work only once its rows are committed, and runs afterCommit callbacks after that', async () => {
    const keys = keysOf('acked', 50);
    const seenByCallbacks: string[][] = [];
    const seenByCallers = await Promise.all(
      keys.map((key) =>
        db
          .transaction(async () => {
            await db.insert(QueueTable, queue(key));
            db.afterCommit(() => void committedKeys([key]).then((seen) => seenByCallbacks.push(seen)));
          })
          .then(() => committedKeys([key])),
      ),
    );
    expect(seenByCallers).toEqual(keys.map((key) => [key]));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seenByCallbacks.sort()).toEqual(keys.map((key) => [key]));
  });

  it('rolls back a failed unit alone: the units around it keep their rows', async () => {
    const keys = keysOf('mixed', 30);
    const results = await Promise.allSettled(
      keys.map((key, n) =>
        db.transaction(async () => {
          await db.insert(QueueTable, queue(key));
          if (n % 3 === 1) throw new Error(`unit ${n} fails after writing`);
        }),
      ),
    );
    const kept = keys.filter((_, n) => n % 3 !== 1);
    expect(results.map((r) => r.status)).toEqual(keys.map((_, n) => (n % 3 === 1 ? 'rejected' : 'fulfilled')));
    expect(await committedKeys(keys)).toEqual(kept);
    expect((await db.read(() => db.findBy(QueueTable, { key: keys }))).map((q) => q.key).sort()).toEqual(kept);
  });

  it("lets TypeORM's own save() join the unit of work, and roll back with it", async () => {
    await db.transaction(() => db.manager.save(QueueTable, queue('saved')));
    await expect(
      db.transaction(async () => {
        await db.manager.save(QueueTable, queue('saved-then-failed'));
        throw new Error('the unit fails after saving');
      }),
    ).rejects.toThrow('the unit fails after saving');
    expect(await committedKeys(['saved', 'saved-then-failed'])).toEqual(['saved']);
  });

  it('lets a read see only committed work', async () => {
    const key = 'read-after-write';
    const written = db.transaction(() => db.insert(QueueTable, queue(key)));
    const readSaw = await db.read(async () => ({
      here: (await db.findBy(QueueTable, { key })).map((q) => q.key),
      committed: await committedKeys([key]),
    }));
    await written;
    // Whatever the read saw had already been committed (on PostgreSQL the write may commit between the
    // two reads, so what the second one sees can be more, never less).
    expect(readSaw.committed).toEqual(expect.arrayContaining(readSaw.here));
    // On SQLite a read also waits for the writes queued before it; PostgreSQL reads run alongside.
    if (TEST_DB === 'sqlite') expect(readSaw.here).toEqual([key]);
  });

  it('commits a unit of work started inside a read before the read goes on', async () => {
    const key = 'write-inside-read';
    const seen = await db.read(async () => {
      await db.transaction(() => db.insert(QueueTable, queue(key)));
      return committedKeys([key]);
    });
    expect(seen).toEqual([key]);
  });

  // The shared transaction (group commit) exists only on SQLite: on PostgreSQL each unit has its
  // own, and a failing unit is the one test above.
  if (TEST_DB === 'sqlite') it('fails every unit of a shared transaction that SQLite rolled back as a whole, and recovers', async () => {
    const keys = keysOf('lost', 6);
    const connection = (t.app.get(Database).dataSource.driver as unknown as { databaseConnection: BetterSqlite3.Database }).databaseConnection;
    const results = await Promise.allSettled(
      keys.map((key, n) =>
        db.transaction(async () => {
          await db.insert(QueueTable, queue(key));
          // What SQLite does by itself on some errors (disk full, I/O): the whole transaction ends.
          if (n === 3) {
            connection.exec('ROLLBACK');
            throw new Error('disk full');
          }
        }),
      ),
    );
    expect(results.slice(0, 4).map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected', 'rejected']);
    expect(String((results[0] as PromiseRejectedResult).reason)).toContain('rolled back: disk full');
    // Units after the failure start a new transaction and are kept.
    expect(results.slice(4).map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    expect(await committedKeys(keys)).toEqual(keys.slice(4));
  });

  if (TEST_DB === 'sqlite') it('fails every unit of a shared transaction whose COMMIT fails, keeping none of their rows', async () => {
    const keys = keysOf('commit-fails', 5);
    const results = await Promise.allSettled(
      keys.map((key, n) =>
        db.transaction(async () => {
          await db.insert(QueueTable, queue(key));
          if (n === 2) {
            // A foreign key checked only at COMMIT, broken: the COMMIT itself fails.
            await db.manager.query('PRAGMA defer_foreign_keys = ON');
            await db.manager.query(`INSERT INTO queue_members (queue_id, user_id, created_at) VALUES ('no-such-queue', 'no-such-user', 0)`);
          }
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(keys.map(() => 'rejected'));
    expect(String((results[0] as PromiseRejectedResult).reason)).toMatch(/FOREIGN KEY constraint failed/);
    expect(await committedKeys(keys)).toEqual([]);
    await db.transaction(() => db.insert(QueueTable, queue('after-failed-commit')));
    expect(await committedKeys(['after-failed-commit'])).toEqual(['after-failed-commit']);
  });
});
