import type BetterSqlite3 from 'better-sqlite3';
import type { DataSource, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

/** A column value to match: a value, null for IS NULL, or a list for IN. */
export type Match<V> = V | null | readonly V[];
export type Where<T> = { [K in keyof T]?: Match<T[K]> };
export type Order<T> = { [K in keyof T]?: 'ASC' | 'DESC' };

interface TableShape {
  metadata: EntityMetadata;
  columns: ColumnMetadata[];
  byProperty: Map<string, ColumnMetadata>;
  increment: ColumnMetadata | undefined;
}

const MAX_STATEMENTS = 500;

/**
 * Single-table reads and writes on SQLite straight through better-sqlite3, for the hot paths.
 *
 * TypeORM's query builder costs more CPU per statement than SQLite takes to run it, and its
 * SQLite driver inlines numeric parameters (every epoch-ms time) into the SQL text, so no two
 * statements match and each one is prepared again. Here the SQL depends only on the shape of
 * the call, values are always bound, and prepared statements are kept. Values go through
 * TypeORM's own column conversions (transformers, JSON, booleans), so rows look exactly like
 * the ones find() returns. It runs on the DataSource's one connection, so it is inside
 * whatever transaction is open there.
 */
export class SqliteRows {
  private readonly statements = new Map<string, BetterSqlite3.Statement>();
  private readonly shapes = new Map<EntityTarget<ObjectLiteral>, TableShape>();

  constructor(private readonly dataSource: DataSource) {}

  insert<T extends ObjectLiteral>(table: EntityTarget<T>, row: T, orIgnore = false): boolean {
    const shape = this.shape(table);
    const names: string[] = [];
    const values: unknown[] = [];
    for (const column of shape.columns) {
      const value = row[column.propertyName] as unknown;
      if (value === undefined) continue;
      names.push(`"${column.databaseName}"`);
      values.push(this.toDatabase(value, column));
    }
    const verb = orIgnore ? 'INSERT OR IGNORE' : 'INSERT';
    const sql = `${verb} INTO "${shape.metadata.tablePath}" (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`;
    const result = this.statement(sql).run(...values);
    if (shape.increment && result.changes === 1) (row as ObjectLiteral)[shape.increment.propertyName] = Number(result.lastInsertRowid);
    return result.changes === 1;
  }

  /** Rows matching `where`; with `select`, only those columns are read and set. */
  find<T extends ObjectLiteral>(table: EntityTarget<T>, where: Where<T>, order?: Order<T>, limit?: number, select?: Array<keyof T & string>): T[] {
    const shape = this.shape(table);
    const values: unknown[] = [];
    const columns = select ? select.map((key) => this.column(shape, key)) : shape.columns;
    const list = select ? columns.map((column) => `"${column.databaseName}"`).join(', ') : '*';
    let sql = `SELECT ${list} FROM "${shape.metadata.tablePath}" WHERE ${this.conditions(shape, where, values)}`;
    if (order) {
      const keys = Object.keys(order) as Array<keyof T & string>;
      sql += ` ORDER BY ${keys.map((key) => `"${this.column(shape, key).databaseName}" ${order[key]}`).join(', ')}`;
    }
    if (limit !== undefined) sql += ` LIMIT ${Math.floor(limit)}`;
    const rows = this.statement(sql).all(...values) as Array<Record<string, unknown>>;
    return rows.map((raw) => this.hydrate<T>(columns, raw));
  }

  count<T extends ObjectLiteral>(table: EntityTarget<T>, where: Where<T>): number {
    const shape = this.shape(table);
    const values: unknown[] = [];
    const sql = `SELECT COUNT(*) AS n FROM "${shape.metadata.tablePath}" WHERE ${this.conditions(shape, where, values)}`;
    return (this.statement(sql).get(...values) as { n: number }).n;
  }

  update<T extends ObjectLiteral>(table: EntityTarget<T>, where: Where<T>, changes: Partial<T>): number {
    const shape = this.shape(table);
    const values: unknown[] = [];
    const sets: string[] = [];
    for (const key of Object.keys(changes)) {
      const value = changes[key] as unknown;
      if (value === undefined) continue;
      const column = this.column(shape, key);
      sets.push(`"${column.databaseName}" = ?`);
      values.push(this.toDatabase(value, column));
    }
    if (sets.length === 0) return 0;
    const sql = `UPDATE "${shape.metadata.tablePath}" SET ${sets.join(', ')} WHERE ${this.conditions(shape, where, values)}`;
    return this.statement(sql).run(...values).changes;
  }

  private conditions<T extends ObjectLiteral>(shape: TableShape, where: Where<T>, values: unknown[]): string {
    const parts: string[] = [];
    for (const key of Object.keys(where)) {
      const match = where[key] as unknown;
      if (match === undefined) continue;
      const column = this.column(shape, key);
      const name = `"${column.databaseName}"`;
      if (match === null) {
        parts.push(`${name} IS NULL`);
      } else if (Array.isArray(match)) {
        if (match.length === 0) parts.push('1 = 0');
        else parts.push(`${name} IN (${match.map(() => '?').join(', ')})`);
        for (const item of match) values.push(this.toDatabase(item, column));
      } else {
        parts.push(`${name} = ?`);
        values.push(this.toDatabase(match, column));
      }
    }
    return parts.length ? parts.join(' AND ') : '1 = 1';
  }

  private toDatabase(value: unknown, column: ColumnMetadata): unknown {
    return this.dataSource.driver.preparePersistentValue(value, column) as unknown;
  }

  private hydrate<T>(columns: ColumnMetadata[], raw: Record<string, unknown>): T {
    const row: Record<string, unknown> = {};
    for (const column of columns) {
      row[column.propertyName] = this.dataSource.driver.prepareHydratedValue(raw[column.databaseName], column) as unknown;
    }
    return row as T;
  }

  /** Runs a statement that takes no values and returns no rows (SAVEPOINT, RELEASE, …). */
  exec(sql: string): void {
    this.statement(sql).run();
  }

  /** Whether the connection is inside a transaction (SQLite ends one by itself after some errors). */
  get inTransaction(): boolean {
    return this.connection.inTransaction;
  }

  private column(shape: TableShape, property: string): ColumnMetadata {
    const column = shape.byProperty.get(property);
    if (!column) throw new Error(`${shape.metadata.name} has no column "${property}"`);
    return column;
  }

  private shape(table: EntityTarget<ObjectLiteral>): TableShape {
    let shape = this.shapes.get(table);
    if (!shape) {
      const metadata = this.dataSource.getMetadata(table);
      // Virtual columns belong to relations without a property of their own; find() leaves them out too.
      const columns = metadata.columns.filter((column) => !column.isVirtual);
      const increment = columns.find((column) => column.isGenerated && column.generationStrategy === 'increment');
      shape = { metadata, columns, byProperty: new Map(columns.map((column) => [column.propertyName, column])), increment };
      this.shapes.set(table, shape);
    }
    return shape;
  }

  private get connection(): BetterSqlite3.Database {
    return (this.dataSource.driver as unknown as { databaseConnection: BetterSqlite3.Database }).databaseConnection;
  }

  private statement(sql: string): BetterSqlite3.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      // IN lists of many lengths could make the shapes unbounded; starting over is cheap.
      if (this.statements.size >= MAX_STATEMENTS) this.statements.clear();
      statement = this.connection.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}
