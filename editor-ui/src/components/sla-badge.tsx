import type { SlaState } from '../api/types';
import { SLA_LABELS } from '../lib/sla';

export function SlaBadge({ state }: { state: SlaState }) {
  return (
    <span className={`badge sla sla-${state.replace('_', '-')}`} data-sla={state}>
      {SLA_LABELS[state]}
    </span>
  );
}

export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge status status-${status}`}>{status.replace(/_/g, ' ')}</span>;
}
