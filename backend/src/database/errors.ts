/** True when a write failed on a UNIQUE constraint, on either database. */
export function isUniqueViolation(error: unknown): boolean {
  const { code, driverError, message } = (error ?? {}) as { code?: string; driverError?: { code?: string }; message?: string };
  if (code === '23505' || driverError?.code === '23505') return true;
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return true;
  return typeof message === 'string' && message.includes('UNIQUE constraint failed');
}
