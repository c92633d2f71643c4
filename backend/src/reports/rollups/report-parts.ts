import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Database } from '../../database/database';
import type { ReportFilters } from '../reports.dto';
import { daySpans, PeriodParts, periodParts, RawSlice } from './period-parts';

export type Query = SelectQueryBuilder<ObjectLiteral>;
export type Days = NonNullable<PeriodParts['days']>;

/** A report's facts as two kinds of query with the same columns: over a slice of rows, and over the rollups' days. */
export interface Sources {
  raw: (slice: RawSlice, prefix: string) => Query;
  rollup: (days: Days, prefix: string) => Query;
}

/**
 * The queries whose rows together are a report's facts, each fact in exactly one (periodParts()).
 * A reviewer's report is the rows alone, filtered by their scope.
 */
export function reportParts(filters: ReportFilters, sources: Sources): Query[] {
  if (filters.scope) return [sources.raw(whole(filters), 'a')];
  const { days, raw } = periodParts(filters);
  return [...(days ? [sources.rollup(days, 'd')] : []), ...raw.map((slice, n) => sources.raw(slice, `s${n}`))];
}

/**
 * The parts' rows added up per `keys` and ordered by them, in one statement: one snapshot, so a
 * rollup committing meanwhile is counted once, and the database orders the rows as it always did.
 */
export function sumParts<T>(db: Database, filters: ReportFilters, keys: string[], sums: string[], sources: Sources): Promise<T[]> {
  const qb = unionOf(db, reportParts(filters, sources), [...keys, ...sums]);
  for (const [n, key] of keys.entries()) {
    if (n === 0) qb.select(unionColumn(db, key), key);
    else qb.addSelect(unionColumn(db, key), key);
    qb.addGroupBy(unionColumn(db, key)).addOrderBy(unionColumn(db, key));
  }
  for (const column of sums) qb.addSelect(`SUM(${unionColumn(db, column)})`, column);
  return qb.getRawMany<T>();
}

/**
 * FROM (part UNION ALL part …) AS u, each part's `columns` picked by name (the query builder
 * orders a join's columns last). The query builder has no UNION, hence the text.
 */
export function unionOf(db: Database, parts: Query[], columns: string[]): Query {
  const escape = (identifier: string) => db.dataSource.driver.escape(identifier);
  const picked = columns.map(escape).join(', ');
  const union = parts.map((part, n) => `SELECT ${picked} FROM (${part.getQuery()}) ${escape(`p${n}`)}`).join(' UNION ALL ');
  const qb = db.manager.createQueryBuilder().from(`(${union})`, 'u');
  for (const part of parts) qb.setParameters(part.getParameters());
  return qb;
}

export function unionColumn(db: Database, name: string): string {
  const escape = (identifier: string) => db.dataSource.driver.escape(identifier);
  return `${escape('u')}.${escape(name)}`;
}

/** The whole period, every case: what a report reads without rollups. */
export function whole(filters: ReportFilters): RawSlice {
  return { processKey: filters.processKey, from: filters.from, to: filters.to, notRolledUp: false, scope: filters.scope };
}

/**
 * A slice of a report's rows: `dated` is the column that dates them, `rolledUp` the mark of the
 * rows rolled up. Parameter names carry the part's prefix: the parts of one report share one statement.
 */
export function filter<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, slice: RawSlice, dated: string, prefix: string, rolledUp = 'i.rolledUpAt'): SelectQueryBuilder<T> {
  if (slice.processKey) qb.andWhere(`i.processKey = :${prefix}processKey`, { [`${prefix}processKey`]: slice.processKey });
  if (slice.from !== null) qb.andWhere(`${dated} >= :${prefix}from`, { [`${prefix}from`]: slice.from });
  if (slice.to !== null) qb.andWhere(`${dated} < :${prefix}to`, { [`${prefix}to`]: slice.to });
  if (slice.notRolledUp) qb.andWhere(`${rolledUp} IS NULL`);
  if (slice.scope) qb.andWhere(slice.scope.sql('i.id'), slice.scope.params);
  return qb;
}

/** The rollup rows (alias `r`) of the days. */
export function inDays<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, days: Days, prefix: string): SelectQueryBuilder<T> {
  if (days.processKey) qb.andWhere(`r.processKey = :${prefix}processKey`, { [`${prefix}processKey`]: days.processKey });
  if (days.from !== null) qb.andWhere(`r.day >= :${prefix}from`, { [`${prefix}from`]: days.from });
  if (days.to !== null) qb.andWhere(`r.day < :${prefix}to`, { [`${prefix}to`]: days.to });
  return qb;
}

/** The rollup rows of the days kept by day and by month: month rows where a month is whole, day rows around them (daySpans()). */
export function inSpans<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, days: Days, prefix: string): SelectQueryBuilder<T> {
  if (days.processKey) qb.andWhere(`r.processKey = :${prefix}processKey`, { [`${prefix}processKey`]: days.processKey });
  const { months, days: around } = daySpans(days);
  const spans = [...(months ? [{ span: 'month', ...months }] : []), ...around.map((span) => ({ span: 'day', ...span }))];
  const parameters: Record<string, unknown> = {};
  const conditions = spans.map(({ span, from, to }, n) => {
    const name = `${prefix}span${n}`;
    const bounds = [`r.span = :${name}`];
    if (from !== null) bounds.push(`r.day >= :${name}from`);
    if (to !== null) bounds.push(`r.day < :${name}to`);
    Object.assign(parameters, { [name]: span, [`${name}from`]: from, [`${name}to`]: to });
    return `(${bounds.join(' AND ')})`;
  });
  return qb.andWhere(`(${conditions.join(' OR ')})`, parameters);
}
