import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * A page of a query's rows and how many rows it matches in all. TypeORM's getManyAndCount counts
 * `COUNT(DISTINCT id)`, which PostgreSQL answers by sorting every matching id: the inbox's first page
 * spent 200 ms counting 100,000 open tasks that `COUNT(*)` counts in 15 ms from the same index. Only
 * for queries whose joins cannot repeat a row (each row joins at most one row of every other table).
 */
export async function pageAndCount<T extends ObjectLiteral>(query: SelectQueryBuilder<T>): Promise<[T[], number]> {
  const rows = await query.getMany();
  const counted = await query.clone().select('COUNT(*)', 'count').orderBy().offset(undefined).limit(undefined).getRawOne<{ count: string | number }>();
  return [rows, Number(counted?.count ?? 0)];
}
