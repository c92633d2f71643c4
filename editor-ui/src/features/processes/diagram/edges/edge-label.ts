import type { FlowEdgeData } from '../process-graph';

/**
 * An edge's words with the live map's traffic: "Approve · 62% (31)" when a share is known, the plain
 * label otherwise. `share` is a fraction (0–1) of the cases that left the step; `count` how many took this path.
 */
export function labelWithShare(label: string | undefined, data: FlowEdgeData | undefined): string | undefined {
  if (data?.share === undefined) return label;
  const share = `${Math.round(data.share * 100)}%${data.count === undefined ? '' : ` (${data.count})`}`;
  return label ? `${label} · ${share}` : share;
}
