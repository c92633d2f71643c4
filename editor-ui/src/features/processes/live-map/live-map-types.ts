/** GET /processes/:key/live-map, as backend/src/live-map/live-map.dto.ts answers it. */

/** One stage: where cases stand now (open … breached) and the period's traffic (entered … p90Minutes). */
export interface LiveMapStage {
  stageKey: string;
  open: number;
  overdue: number;
  stalled: number;
  breached: number;
  entered: number;
  left: number;
  medianMinutes: number | null;
  p90Minutes: number | null;
}

/** How often a decision was made in a stage in the period; `share` (0–1) of all decisions made there. */
export interface LiveMapDecision {
  stageKey: string;
  decision: string;
  count: number;
  share: number;
}

export interface LiveMap {
  processKey: string;
  version: number | null;
  from: string;
  to: string;
  generatedAt: string;
  stages: LiveMapStage[];
  decisions: LiveMapDecision[];
  outcomes: Array<{ outcome: string | null; count: number }>;
  totals: { open: number; completed: number; cancelled: number };
}
