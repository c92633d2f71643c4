import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type BetterSqlite3 from 'better-sqlite3';
import { DataSource } from 'typeorm';
import { Worker } from 'node:worker_threads';
import { APP_CONFIG, AppConfig } from '../config/config';

/** How often the checkpointer copies the WAL back into the database file. */
const EVERY_MS = 250;

/**
 * The checkpointer: it runs in a worker thread, on a connection of its own.
 * (Plain JavaScript: a worker runs outside the TypeScript build and the test transform.)
 */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path);
db.pragma('busy_timeout = 5000');
const checkpoint = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    parentPort.postMessage(String(error && error.message || error));
  }
};
const timer = setInterval(checkpoint, workerData.everyMs);
parentPort.on('message', () => {
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.close();
});
`;

/**
 * SQLite copies the write-ahead log back into the database file in checkpoints, which by
 * default the committing connection runs itself once the log passes 1,000 pages: a few
 * milliseconds of writes and two fsyncs inside some COMMIT, on the event loop, every few
 * hundred launches. Here a worker thread checkpoints on its own connection every 250 ms, off
 * the event loop and on the other core; PASSIVE checkpoints wait for nobody, and the writer
 * starts the log over once one has caught up. The server's own connection checkpoints only
 * as a safety net, ten times later than by default.
 * The CLI and tests that use the database without the server keep SQLite's default.
 */
@Injectable()
export class WalCheckpointer implements OnModuleInit, OnModuleDestroy {
  private worker: Worker | null = null;
  private readonly logger = new Logger('WalCheckpointer');

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    const database = this.config.database;
    if (database.type !== 'sqlite' || database.path === ':memory:') return;
    const connection = (this.dataSource.driver as unknown as { databaseConnection: BetterSqlite3.Database }).databaseConnection;
    this.worker = new Worker(WORKER, {
      eval: true,
      workerData: { driver: require.resolve('better-sqlite3'), path: database.path, everyMs: EVERY_MS },
    });
    this.worker.on('message', (message: string) => this.logger.warn(`WAL checkpoint failed: ${message}`));
    this.worker.on('error', (error) => this.logger.error(`WAL checkpointer stopped: ${error.message}`));
    this.worker.unref();
    // Should the worker fall behind under sustained writes, the committing connection still
    // checkpoints itself once the log reaches ~40 MB (10,000 pages), instead of every 4 MB.
    connection.pragma('wal_autocheckpoint = 10000');
  }

  async onModuleDestroy(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.worker = null;
    // Held while stopping: with nothing else left, Node would otherwise exit mid-shutdown.
    worker.ref();
    let timeout: NodeJS.Timeout | undefined;
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    worker.postMessage('stop');
    await Promise.race([exited, new Promise((resolve) => (timeout = setTimeout(resolve, 2000)))]);
    clearTimeout(timeout);
    await worker.terminate();
  }
}
