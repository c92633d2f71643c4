import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

interface UnitOfWork {
  manager: EntityManager;
  inTransaction: boolean;
  afterCommit: Array<() => void>;
}

/**
 * The one way services reach the database.
 *
 * TypeORM keeps a single connection for a SQLite DataSource, so two transactions that
 * overlap in time share it: the second BEGIN fails ("cannot start a transaction within a
 * transaction") and a ROLLBACK also undoes whatever a neighbouring request wrote meanwhile.
 * On SQLite every unit of work therefore waits its turn in an in-process queue. That costs
 * little: better-sqlite3 is synchronous, so a unit of work only holds the queue for the
 * microseconds its statements take. PostgreSQL has a pool and real isolation, so there work
 * runs concurrently and conflicts are settled by constraints and conditional updates.
 */
@Injectable()
export class Database {
  private readonly context = new AsyncLocalStorage<UnitOfWork>();
  private readonly serial: boolean;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(readonly dataSource: DataSource) {
    this.serial = dataSource.options.type === 'better-sqlite3';
  }

  get isPostgres(): boolean {
    return this.dataSource.options.type === 'postgres';
  }

  /** The manager of the unit of work in progress, or the default one. */
  get manager(): EntityManager {
    return this.context.getStore()?.manager ?? this.dataSource.manager;
  }

  /** Runs `callback` once the current transaction has committed (at once outside a transaction). */
  afterCommit(callback: () => void): void {
    const unit = this.context.getStore();
    if (unit?.inTransaction) unit.afterCommit.push(callback);
    else callback();
  }

  /**
   * Inserts whole rows. TypeORM types insert() with a deep-partial that cannot express JSON
   * columns typed as Record<string, unknown>; a complete row is always a valid insert.
   */
  async insert<T extends ObjectLiteral>(table: EntityTarget<T>, rows: T | T[]): Promise<void> {
    await this.manager.insert(table, rows as QueryDeepPartialEntity<T> | QueryDeepPartialEntity<T>[]);
  }

  /** Runs `work` in one transaction: all of it is written, or none of it. */
  transaction<T>(work: () => Promise<T>): Promise<T> {
    const current = this.context.getStore();
    if (current?.inTransaction) return work();
    const afterCommit: Array<() => void> = [];
    const run = () => this.dataSource.transaction((manager) => this.context.run({ manager, inTransaction: true, afterCommit }, work));
    // Inside a read the turn is already ours: waiting for it again would wait forever.
    return (current ? run() : this.inTurn(run)).then((result) => {
      for (const callback of afterCommit) callback();
      return result;
    });
  }

  /** Runs read-only `work`; on SQLite it waits for the writes ahead of it so it never sees a half-done one. */
  read<T>(work: () => Promise<T>): Promise<T> {
    if (this.context.getStore()) return work();
    return this.inTurn(() => this.context.run({ manager: this.dataSource.manager, inTransaction: false, afterCommit: [] }, work));
  }

  private inTurn<T>(work: () => Promise<T>): Promise<T> {
    if (!this.serial) return work();
    const result = this.tail.then(work, work);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
