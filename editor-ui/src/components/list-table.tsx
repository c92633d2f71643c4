import type { ReactNode } from 'react';
import { QueryState, type QueryLike } from './page-state';

/** A header cell's text, or null for the unlabelled column of row actions. */
export type Column = string | null;

/** A list query as a table: its loading and error states, `empty` when there are no items, else one `row` (a <tr>) per item. */
export function ListTable<T>({ query, empty, columns, row }: { query: QueryLike<T[]>; empty: ReactNode; columns: Column[]; row: (item: T) => ReactNode }) {
  return (
    <QueryState query={query}>
      {(list) =>
        list.length === 0 ? (
          empty
        ) : (
          <div className="table-scroll">
            <table className="table">
              <thead>
                <tr>
                  {columns.map((column, index) =>
                    column === null ? <th key={index} scope="col" aria-label="Actions" /> : <th key={index} scope="col">{column}</th>,
                  )}
                </tr>
              </thead>
              <tbody>{list.map(row)}</tbody>
            </table>
          </div>
        )
      }
    </QueryState>
  );
}
