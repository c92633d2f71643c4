import { ManualClock } from '../../../backend/src/common/clock';

/**
 * The wall clock, shiftable: seeding sets it into the past to create history, then sets it back
 * to now, after which it runs with real time — so what the browser does gets real, ordered times.
 */
export class FollowingClock extends ManualClock {
  private offset = 0;

  override now(): number {
    return Date.now() + this.offset;
  }

  override set(ms: number): void {
    this.offset = ms - Date.now();
  }

  override advance(ms: number): void {
    this.offset += ms;
  }
}
