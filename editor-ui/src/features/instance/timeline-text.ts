import type { Timer } from '../../api/timeline-types';
import { formatDateTime } from '../../lib/format';

export function timerTitle(timer: Pick<Timer, 'label' | 'status' | 'fireAt' | 'firedAt' | 'resumeError' | 'moved'>): string {
  const label = timer.label ? `${timer.label}: ` : '';
  const moved = timer.moved ? ' (its date moved)' : '';
  if (timer.status === 'pending') return `${label}Waiting until ${formatDateTime(timer.fireAt)}${moved}`;
  // Its time came, but n8n refused (or never got) the call to continue: the execution still waits.
  if (timer.resumeError) return `${label}Timer due ${formatDateTime(timer.firedAt ?? timer.fireAt)}, but its execution was not resumed`;
  if (timer.status === 'fired') return `${label}Timer fired ${formatDateTime(timer.firedAt ?? timer.fireAt)}${moved}`;
  // Its time had passed when it was registered, or its anchor moved into the past: it went on at once, late.
  if (timer.status === 'past') return `${label}Already past (due ${formatDateTime(timer.fireAt)}): went on at once, late${moved}`;
  // A wait its execution went on from is "fired" (the backend marks it so when it is taken), so this one never ran.
  if (timer.status === 'cancelled') return `${label}Timer cancelled before it fired (was due ${formatDateTime(timer.fireAt)})`;
  return `${label}Timer ${timer.status} (was due ${formatDateTime(timer.fireAt)})`;
}

export function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}
