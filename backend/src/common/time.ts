/** Responses carry ISO-8601 strings; the database keeps epoch milliseconds. */
export const iso = (ms: number | null | undefined): string | null =>
  ms === null || ms === undefined ? null : new Date(ms).toISOString();
