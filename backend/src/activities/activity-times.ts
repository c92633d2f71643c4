import { BadRequestException } from '@nestjs/common';
import type { ActivityKind } from '../database/tables';

export interface ActivityTimes {
  dueAt: number | null;
  startAt: number | null;
  endAt: number | null;
}

const parse = (value: string | null | undefined): number | null => (value ? Date.parse(value) : null);

export function parseTimes(given: { dueAt?: string | null; startAt?: string; endAt?: string }): Partial<ActivityTimes> {
  const times: Partial<ActivityTimes> = {};
  if (given.dueAt !== undefined) times.dueAt = parse(given.dueAt);
  if (given.startAt !== undefined) times.startAt = parse(given.startAt);
  if (given.endAt !== undefined) times.endAt = parse(given.endAt);
  return times;
}

/**
 * The times each kind takes: a follow-up is due at a time, a to-do may be, an event runs from a
 * start to a later end. Checked on the times the activity will have after the change, so a move
 * that gives an event an end before its start is refused whichever field it changed.
 */
export function checkTimes(kind: ActivityKind, times: ActivityTimes): void {
  const problems: string[] = [];
  if (kind === 'event') {
    if (times.dueAt !== null) problems.push('dueAt: an event has a startAt and an endAt, not a due time');
    if (times.startAt === null) problems.push('startAt: an event needs a start');
    if (times.endAt === null) problems.push('endAt: an event needs an end');
    if (times.startAt !== null && times.endAt !== null && times.endAt <= times.startAt) problems.push('endAt: must be after startAt');
  } else {
    if (times.startAt !== null || times.endAt !== null) problems.push(`startAt: a ${kind} has a due time (dueAt), not a start and an end`);
    if (kind === 'follow-up' && times.dueAt === null) problems.push('dueAt: a follow-up needs a due time');
  }
  if (problems.length > 0) throw new BadRequestException(problems);
}
