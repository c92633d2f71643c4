import { ConflictException } from '@nestjs/common';

/**
 * A wait registration (POST /tasks, POST /timers) sent again with its `requestKey` — the node retried a
 * call whose answer it never got — answers with what the first one registered, changing nothing. The
 * key is the caller's; the same key for another case is a caller's mistake, not a retry.
 */
export function registeredBefore<T extends { instanceId: string | null }>(earlier: T, instanceId: string | null | undefined, kind: 'task' | 'timer'): T {
  if (earlier.instanceId !== (instanceId ?? null)) {
    throw new ConflictException({
      message: `requestKey: already names a ${kind} of another case`,
      details: [{ field: 'requestKey', messages: [`already names a ${kind} of another case`] }],
    });
  }
  return earlier;
}
