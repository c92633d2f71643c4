type Row = Record<string, string | number | boolean | null>;

/** How processes and stages read to people; keys the processes do not know come back as they are. */
export interface ProcessNames {
  processName: (key: string | null) => string;
  stageName: (processKey: string | null, stageKey: string | null) => string;
}

const text = (value: Row[string] | undefined): string | null => (typeof value === 'string' && value !== '' ? value : null);

/**
 * Reports identify processes and stages by key; readers know them by name. Each row gets a
 * `process` and a `stage` column first (a stage name the report already carries wins, since it is
 * the name the case saw), while the keys stay on the row for links and filters.
 */
export function withNames(rows: Row[], names: ProcessNames): Row[] {
  return rows.map((row) => {
    const { stageName, ...rest } = row;
    const named: Row = {};
    const processKey = text(row.processKey);
    if (processKey !== null) named.process = names.processName(processKey);
    if ('stageKey' in row || stageName !== undefined) named.stage = text(stageName) ?? names.stageName(processKey, text(row.stageKey));
    return { ...named, ...rest };
  });
}
