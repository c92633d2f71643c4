import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, EntityTarget, FindOptionsWhere, In, IsNull, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { Order, SqliteRows, Where } from './sqlite-rows';

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
  /** SQLite only: the hot single-table statements without the query builder (see SqliteRows). */
  private readonly rows: SqliteRows | null;

  constructor(readonly dataSource: DataSource) {
    this.serial = dataSource.options.type === 'better-sqlite3';
    this.rows = this.serial ? new SqliteRows(dataSource) : null;
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
    if (this.rows) {
      for (const row of Array.isArray(rows) ? rows : [rows]) this.rows.insert(table, row);
      return;
    }
    await this.manager.insert(table, rows as QueryDeepPartialEntity<T> | QueryDeepPartialEntity<T>[]);
  }

  /**
   * Inserts a row unless it clashes with a unique key (ON CONFLICT DO NOTHING rather than a
   * caught violation: on PostgreSQL a failed statement aborts the whole transaction). Returns
   * whether this row was written.
   */
  async insertIfAbsent<T extends ObjectLiteral>(table: EntityTarget<T>, row: T): Promise<boolean> {
    if (this.rows) return this.rows.insert(table, row, true);
    const values = row as QueryDeepPartialEntity<T>;
    await this.manager.createQueryBuilder().insert().into(table).values(values).orIgnore().execute();
    const key = this.dataSource.getMetadata(table).primaryColumns[0]!.propertyName;
    return (await this.manager.countBy(table, { [key]: row[key] } as FindOptionsWhere<T>)) > 0;
  }

  /** Rows whose columns match `where` (null: IS NULL, a list: IN). */
  async findBy<T extends ObjectLiteral>(table: EntityTarget<T>, where: Where<T>, order?: Order<T>): Promise<T[]> {
    if (this.rows) return this.rows.find(table, where, order);
    return this.manager.find(table, { where: typeormWhere(where), order: order as object });
  }

  async findOneBy<T extends ObjectLiteral>(table: EntityTarget<T>, where: Where<T>, order?: Order<T>): Promise<T | null> {
    if (this.rows) return this.rows.find(table, where, order, 1)[0] ?? null;
    return this.manager.findOne(table, { where: typeormWhere(where), order: order as object });
  }

  async count<T extends ObjectLiteral>(table: EntityTarget<T>, where: Where<T>): Promise<number> {
    if (this.rows) return this.rows.count(table, where);
    return this.manager.countBy(table, typeormWhere(where));
  }

  /** Returns how many rows changed. */
  async update<T extends ObjectLiteral>(table: EntityTarget<T>, where: Where<T>, changes: Partial<T>): Promise<number> {
    if (this.rows) return this.rows.update(table, where, changes);
    const result = await this.manager.update(table, typeormWhere(where), changes as QueryDeepPartialEntity<T>);
    return result.affected ?? 0;
  }

  /** Runs `work` in one transaction: all of it is written, or none of it. */
  transaction<T>(work: () => Promise<T>): Promise<T> {
    const current = this.context.getStore();
    if (current?.inTransaction) return work();
    const afterCommit: Array<() => void> = [];
    const unit = (manager: EntityManager) => this.context.run({ manager, inTransaction: true, afterCommit }, work);
    const run = () => this.dataSource.transaction(unit);
    // Inside a read the turn is already ours: waiting for it again would wait forever.
    const done = current ? run() : this.inTurn(run);
    return done.then((result) => {
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

function typeormWhere<T extends ObjectLiteral>(where: Where<T>): FindOptionsWhere<T> {
  const result: Record<string, unknown> = {};
  for (const [key, match] of Object.entries(where)) {
    if (match === undefined) continue;
    result[key] = match === null ? IsNull() : Array.isArray(match) ? In(match) : match;
  }
  return result as FindOptionsWhere<T>;
}
