/**
 * The one source of "now" for the backend. Tests swap in a {@link ManualClock} so that
 * SLAs, timers and escalation ladders can be driven without waiting.
 */
export abstract class Clock {
  abstract now(): number;
  date(): Date {
    return new Date(this.now());
  }
}

export class SystemClock extends Clock {
  now(): number {
    return Date.now();
  }
}

export class ManualClock extends Clock {
  constructor(private current = Date.now()) {
    super();
  }
  now(): number {
    return this.current;
  }
  set(ms: number): void {
    this.current = ms;
  }
  advance(ms: number): void {
    this.current += ms;
  }
}
