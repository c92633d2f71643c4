import type { OutboxKind } from '../database/tables';

/** Deliveries to one target at a time, so a slow receiver holds at most this many of the worker's slots. */
export const PER_TARGET = 4;
/** Deliveries in flight in this process across every target. */
export const IN_FLIGHT = 64;

/** What the next claim must skip: the targets (and target-less kinds) that have no free slot. */
export interface LaneExclusions {
  /** Raw origins as stored at the start of `target` (see `rawOrigin`). */
  origins: string[];
  /** Kinds delivered without a target (email), whose lane is the kind itself. */
  kinds: OutboxKind[];
}

/**
 * The scheme and authority exactly as written at the start of a target URL, so the claim query can
 * match them with `substr` (no URL parsing in SQL). Two spellings of one origin are two lanes, which
 * only ever means more concurrency for that receiver, never a delay for another.
 */
export function rawOrigin(target: string): string {
  return /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(target)?.[0] ?? target;
}

const laneOf = (item: { kind: OutboxKind; target: string | null }): string => (item.target ? rawOrigin(item.target) : `kind:${item.kind}`);

/**
 * Counts deliveries in flight per target ("lane"), so that a dead or slow receiver fills only its
 * own lane: the worker stops claiming its deliveries while the lane is full and keeps delivering
 * everyone else's.
 */
export class DeliveryLanes {
  private readonly busy = new Map<string, number>();
  private running = 0;

  constructor(
    private readonly perLane = PER_TARGET,
    private readonly total = IN_FLIGHT,
  ) {}

  /** How many more deliveries may start now. */
  room(): number {
    return this.total - this.running;
  }

  /** Takes a slot in the item's lane; null when the lane is full (the caller hands the item back). */
  tryStart(item: { kind: OutboxKind; target: string | null }): string | null {
    const lane = laneOf(item);
    const busy = this.busy.get(lane) ?? 0;
    if (busy >= this.perLane || this.running >= this.total) return null;
    this.busy.set(lane, busy + 1);
    this.running++;
    return lane;
  }

  /** Those of `items` (in order) that can start now: each lane up to its free slots, all within the room left. */
  fit<T extends { kind: OutboxKind; target: string | null }>(items: T[]): T[] {
    const taken = new Map<string, number>();
    const fitting: T[] = [];
    for (const item of items) {
      if (fitting.length >= this.room()) break;
      const lane = laneOf(item);
      const busy = (this.busy.get(lane) ?? 0) + (taken.get(lane) ?? 0);
      if (busy >= this.perLane) continue;
      taken.set(lane, (taken.get(lane) ?? 0) + 1);
      fitting.push(item);
    }
    return fitting;
  }

  finish(lane: string): void {
    const busy = (this.busy.get(lane) ?? 1) - 1;
    if (busy > 0) this.busy.set(lane, busy);
    else this.busy.delete(lane);
    this.running--;
  }

  exclusions(): LaneExclusions {
    const full = [...this.busy].filter(([, busy]) => busy >= this.perLane).map(([lane]) => lane);
    return {
      origins: full.filter((lane) => !lane.startsWith('kind:')),
      kinds: full.filter((lane) => lane.startsWith('kind:')).map((lane) => lane.slice('kind:'.length) as OutboxKind),
    };
  }
}
