/** A copy without the fields whose value is undefined: an optional field left empty is removed, not stored as null. */
export const withoutUndefined = (record: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));

/** A copy without the named fields. */
export const omitFields = <T extends object>(record: T, ...names: string[]): Record<string, unknown> =>
  Object.fromEntries(Object.entries(record).filter(([name]) => !names.includes(name)));
