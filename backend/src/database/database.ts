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

/** SQLite: the open transaction that units of work join and that commits them together. */
interface Batch {
  units: number;
  /** Settles once the batch has committed, or with the reason it could not. */
  committed: Promise<void>;
  settle(error?: unknown): void;
}

interface DoneUnit<T> {
  value: T;
  batch: Batch;
  afterCommit: Array<() => void>;
}

/** A batch commits at the end of the event-loop turn, or sooner once this many units joined it. */
const MAX_UNITS_PER_BATCH = 100;

/**
 * The one way services reach the database.
 *
 * TypeORM keeps a single connection for a SQLite DataSource, so two transactions that
 * overlap in time share it: the second BEGIN fails ("cannot start a transaction within a
 * transaction") and a ROLLBACK also undoes whatever a neighbouring request wrote meanwhile.
 * On SQLite every unit of work therefore waits its turn in an in-process queue. That costs
 * little: better-sqlite3 is synchronous, so a unit of work only holds the queue for the
 * microseconds its statements take.
 *
 * On SQLite the units that run in one turn of the event loop share a transaction (group
 * commit): each runs inside its own SAVEPOINT, so a failing unit rolls back only its own
 * statements, and the transaction commits once for all of them when the turn ends. What a
 * commit costs is writing every page the transaction touched, and neighbouring units touch
 * the same pages, so under load most of that cost is shared. A unit's caller hears of its
 * success only after that COMMIT, and its afterCommit callbacks run only then; reads wait for
 * the open batch to commit, so nothing reads work that is not yet durable.
 *
 * PostgreSQL has a pool and real isolation, so there every unit of work is its own
 * transaction, runs concurrently, and conflicts are settled by constraints and conditional updates.
 */
@Injectable()
export class Database {
  private readonly context = new AsyncLocalStorage<UnitOfWork>();
  private tail: Promise<unknown> = Promise.resolve();
  /** SQLite only: the hot single-table statements without the query builder (see SqliteRows). */
  private readonly rows: SqliteRows | null;
  /** SQLite only: the transaction units are joining now, if one is open. */
  private batch: Batch | null = null;

  constructor(readonly dataSource: DataSource) {
    this.rows = dataSource.options.type === 'better-sqlite3' ? new SqliteRows(dataSource) : null;
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

  /** The first row matching `where`; with `select`, only those columns are read (the rest are absent). */
  async findOneBy<T extends ObjectLiteral>(table: EntityTarget<T>, where: Where<T>, order?: Order<T>, select?: Array<keyof T & string>): Promise<T | null> {
    if (this.rows) return this.rows.find(table, where, order, 1, select)[0] ?? null;
    return this.manager.findOne(table, {
      where: typeormWhere(where),
      order: order as object,
      ...(select ? { select: Object.fromEntries(select.map((key) => [key, true])) as object } : {}),
    });
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
    if (!this.rows) return this.ownTransaction(work);
    // Inside a read the turn is already ours: waiting for it again would wait forever, and
    // the batch must commit before the read goes on.
    if (current) {
      return this.joinBatch(work).then((unit) => {
        this.commit(unit.batch);
        return this.afterCommitted(unit);
      });
    }
    return this.inTurn(() => this.joinBatch(work)).then((unit) => this.afterCommitted(unit));
  }

  /** Runs read-only `work`; on SQLite it waits for the writes ahead of it so it never sees a half-done one. */
  read<T>(work: () => Promise<T>): Promise<T> {
    if (this.context.getStore()) return work();
    const run = () => this.context.run({ manager: this.dataSource.manager, inTransaction: false, afterCommit: [] }, work);
    if (!this.rows) return run();
    return this.inTurn(async () => {
      if (this.batch) this.commit(this.batch);
      return run();
    });
  }

  private async ownTransaction<T>(work: () => Promise<T>): Promise<T> {
    const afterCommit: Array<() => void> = [];
    const result = await this.dataSource.transaction((manager) =>
      this.context.run({ manager, inTransaction: true, afterCommit }, work),
    );
    for (const callback of afterCommit) callback();
    return result;
  }

  /** Runs one unit of work inside the open batch (opening one if needed), within its own savepoint. */
  private async joinBatch<T>(work: () => Promise<T>): Promise<DoneUnit<T>> {
    const rows = this.rows!;
    const batch = this.batch ?? this.openBatch();
    const afterCommit: Array<() => void> = [];
    rows.exec('SAVEPOINT unit');
    batch.units += 1;
    try {
      const value = await this.context.run({ manager: this.dataSource.manager, inTransaction: true, afterCommit }, work);
      rows.exec('RELEASE unit');
      if (batch.units >= MAX_UNITS_PER_BATCH) this.commit(batch);
      return { value, batch, afterCommit };
    } catch (error) {
      this.undoUnit(batch, error);
      throw error;
    }
  }

  private async afterCommitted<T>(unit: DoneUnit<T>): Promise<T> {
    await unit.batch.committed;
    for (const callback of unit.afterCommit) callback();
    return unit.value;
  }

  private openBatch(): Batch {
    this.rows!.exec('BEGIN');
    this.typeormInTransaction(true);
    let settle!: Batch['settle'];
    const committed = new Promise<void>((resolve, reject) => {
      settle = (error) => (error === undefined ? resolve() : reject(error));
    });
    // Every unit of a batch may have failed, leaving nobody to hear how the commit went.
    committed.catch(() => undefined);
    const batch: Batch = { units: 0, committed, settle };
    this.batch = batch;
    setImmediate(() => void this.inTurn(async () => this.commit(batch)));
    return batch;
  }

  /** Rolls back the failed unit's savepoint, or gives up the batch if SQLite rolled all of it back. */
  private undoUnit(batch: Batch, error: unknown): void {
    const rows = this.rows!;
    try {
      if (rows.inTransaction) {
        rows.exec('ROLLBACK TO unit');
        rows.exec('RELEASE unit');
        return;
      }
    } catch {
      /* the savepoint is unusable: the batch goes below */
    }
    // Some errors (disk full, I/O) make SQLite roll back the whole transaction: the units
    // that already finished in it are lost too, and their callers are told so.
    const reason = error instanceof Error ? error.message : String(error);
    this.endBatch(batch, new Error(`The transaction was rolled back: ${reason}`));
  }

  private commit(batch: Batch): void {
    if (this.batch !== batch) return;
    try {
      this.rows!.exec('COMMIT');
      this.batch = null;
      this.typeormInTransaction(false);
      batch.settle();
    } catch (error) {
      this.endBatch(batch, error);
    }
  }

  /** Ends a batch that cannot commit: whatever of it is still open is rolled back and every unit fails. */
  private endBatch(batch: Batch, error: unknown): void {
    this.batch = null;
    try {
      if (this.rows!.inTransaction) this.rows!.exec('ROLLBACK');
    } finally {
      this.typeormInTransaction(false);
      batch.settle(error);
    }
  }

  /**
   * Batches are begun and committed on the raw connection, which TypeORM's one SQLite query
   * runner does not see; its flags are kept in step so that TypeORM operations that open a
   * transaction of their own when none is active (save, remove) join the batch instead.
   */
  private typeormInTransaction(active: boolean): void {
    const runner = this.dataSource.createQueryRunner() as unknown as { isTransactionActive: boolean; transactionDepth: number };
    runner.isTransactionActive = active;
    runner.transactionDepth = active ? 1 : 0;
  }

  private inTurn<T>(work: () => Promise<T>): Promise<T> {
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
