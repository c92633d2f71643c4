import type { Timer } from '../../api/timeline-types';
import { formatDateTime } from '../../lib/format';

export function timerTitle(timer: Pick<Timer, 'label' | 'status' | 'fireAt' | 'firedAt'>): string {
  const label = timer.label ? `${timer.label}: ` : '';
  if (timer.status === 'pending') return `${label}Waiting until ${formatDateTime(timer.fireAt)}`;
  if (timer.status === 'fired') return `${label}Timer fired ${formatDateTime(timer.firedAt ?? timer.fireAt)}`;
  return `${label}Timer ${timer.status} (was due ${formatDateTime(timer.fireAt)})`;
}

export function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}
