import { BadRequestException } from '@nestjs/common';
import { parseAnchor } from '../timers/fire-time';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;
export const DEFAULT_PERIOD_MS = 30 * DAY_MS;

export interface Period {
  from: number;
  to: number;
}

/**
 * The period as the reports read it (reports.service.ts): times without an offset are UTC, and a
 * bare date as the end means "up to the end of that day". Unlike a report, the map always has a
 * period: by default the 30 days up to now.
 */
export function toPeriod(query: { from?: string; to?: string }, now: number): Period {
  const to = query.to === undefined ? now : endOf(query.to);
  const from = query.from === undefined ? to - DEFAULT_PERIOD_MS : parse('from', query.from);
  if (from >= to) throw invalid('from', 'must be before to');
  return { from, to };
}

function endOf(value: string): number {
  return parse('to', value) + (DATE_ONLY.test(value) ? DAY_MS : 0);
}

function parse(field: 'from' | 'to', value: string): number {
  const ms = parseAnchor(value, 'UTC');
  if (ms === null) throw invalid(field, 'must be a valid ISO 8601 date');
  return ms;
}

function invalid(field: string, message: string): BadRequestException {
  return new BadRequestException({ message: `${field}: ${message}`, details: [{ field, messages: [message] }] });
}
