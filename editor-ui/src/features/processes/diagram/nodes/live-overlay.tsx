import type { LiveCounts } from '../flow-nodes';
import { formatMinutes } from '../process-graph';

/** The node's extra class while any case on it is past its SLA: its border turns the breach colour. */
export const breachClass = (live: LiveCounts | undefined) => (live && live.breached > 0 ? ' is-breached' : '');

/** The live map's traffic on a node: open cases, overdue and stalled ones, and time spent here. Nothing without data. */
export function LiveOverlay({ live }: { live: LiveCounts | undefined }) {
  if (!live) return null;
  const times = [
    live.medianMinutes === null ? null : `median ${formatMinutes(live.medianMinutes)}`,
    live.p90Minutes === null ? null : `p90 ${formatMinutes(live.p90Minutes)}`,
  ].filter((time) => time !== null);
  return (
    <ul className="flow-node-live" aria-label="Live traffic">
      <li className="badge">{live.open} open</li>
      {live.overdue > 0 ? <li className="badge flow-live-overdue">{live.overdue} overdue</li> : null}
      {live.stalled > 0 ? <li className="badge flow-live-stalled">{live.stalled} stalled</li> : null}
      {live.breached > 0 ? <li className="badge flow-live-overdue">{live.breached} past SLA</li> : null}
      {times.length > 0 ? <li className="flow-node-fact">{times.join(' · ')}</li> : null}
    </ul>
  );
}
