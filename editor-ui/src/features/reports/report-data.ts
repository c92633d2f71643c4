/** Report responses are tables: rows of labels and numbers. These helpers read them generically. */

export type ReportRow = Record<string, unknown>;

export function rowsOf(response: unknown): ReportRow[] {
  if (Array.isArray(response)) return response.filter(isRow);
  if (isRow(response)) {
    for (const key of ['items', 'rows', 'data']) {
      const candidate = response[key];
      if (Array.isArray(candidate)) return candidate.filter(isRow);
    }
  }
  return [];
}

function isRow(value: unknown): value is ReportRow {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Columns in first-seen order across rows, nested objects flattened one level ("queue.name"). */
export function flattenRow(row: ReportRow): Record<string, string | number | boolean | null> {
  const flat: Record<string, string | number | boolean | null> = {};
  for (const [key, value] of Object.entries(row)) {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [inner, innerValue] of Object.entries(value as ReportRow)) flat[`${key}.${inner}`] = toCell(innerValue);
    } else {
      flat[key] = toCell(value);
    }
  }
  return flat;
}

function toCell(value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}

export function columnsOf(rows: Array<Record<string, unknown>>): string[] {
  const columns: string[] = [];
  for (const row of rows) for (const key of Object.keys(row)) if (!columns.includes(key)) columns.push(key);
  return columns;
}

const ID_LIKE = /(^id$|Id$|\.id$|At$)/;

/** Label columns (text) and value columns (numbers) for a chart; ids and timestamps are left out. */
export function chartShape(rows: Array<Record<string, string | number | boolean | null>>): { labels: string[]; values: string[] } {
  const columns = columnsOf(rows).filter((column) => !ID_LIKE.test(column));
  const numeric = (column: string) => rows.every((row) => row[column] === null || typeof row[column] === 'number');
  return {
    labels: columns.filter((column) => !numeric(column) && rows.some((row) => typeof row[column] === 'string')),
    values: columns.filter((column) => numeric(column) && rows.some((row) => typeof row[column] === 'number')),
  };
}

export function labelFor(row: Record<string, unknown>, labels: string[]): string {
  const parts = labels.map((column) => row[column]).filter((value) => value !== null && value !== undefined && value !== '');
  return parts.length > 0 ? parts.join(' · ') : '—';
}
