import { apiUrl } from '../../api/client';

export const REPORT_NAMES = ['volume', 'caseload', 'time-in-stage', 'overdue', 'stalled', 'decisions', 'escalations', 'outcomes', 'messages'] as const;
export type ReportName = (typeof REPORT_NAMES)[number];

export type PeriodPreset = '7d' | '30d' | '90d' | 'all' | 'custom';

export interface ReportFilters {
  processKey: string;
  period: PeriodPreset;
  /** yyyy-mm-dd, used when period is custom */
  from: string;
  to: string;
}

const DAY_MS = 86_400_000;
const PRESET_DAYS: Partial<Record<PeriodPreset, number>> = { '7d': 7, '30d': 30, '90d': 90 };

/** The from/to instants the API gets for a period; custom dates cover whole days. */
export function periodRange(filters: ReportFilters, now: number): { from?: string; to?: string } {
  const days = PRESET_DAYS[filters.period];
  if (days) return { from: new Date(now - days * DAY_MS).toISOString() };
  if (filters.period !== 'custom') return {};
  return {
    from: filters.from ? new Date(`${filters.from}T00:00:00.000Z`).toISOString() : undefined,
    to: filters.to ? new Date(new Date(`${filters.to}T00:00:00.000Z`).getTime() + DAY_MS - 1).toISOString() : undefined,
  };
}

/** `extra` carries a report's own filters (the messages report's kind) next to the page's. */
export function reportQuery(filters: ReportFilters, now: number, extra: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return { processKey: filters.processKey || undefined, ...periodRange(filters, now), ...extra };
}

/** The CSV download of a report with the same filters as on screen. */
export function csvUrl(report: ReportName, filters: ReportFilters, now: number, extra: Record<string, string | undefined> = {}): string {
  return apiUrl(`/reports/${report}`, { ...reportQuery(filters, now, extra), format: 'csv' });
}
