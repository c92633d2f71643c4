import { formatDateTime } from '../lib/format';

/** A case that has not moved for longer than its stage allows; `since` when the row knows it. */
export function StalledBadge({ since, title }: { since?: string | null; title?: string }) {
  return (
    <span className="badge stalled" title={title ?? (since ? `Stalled since ${formatDateTime(since)}` : 'Stalled')}>
      Stalled
    </span>
  );
}
