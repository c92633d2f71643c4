import { ManualClock } from '../../../backend/src/common/clock';

/** Real time: n8n checks how old a resume signature is, and timers must fire when n8n expects them. */
export class WallClock extends ManualClock {
  override now(): number {
    return Date.now();
  }
}
