import type { OutboxKind, OutboxTable } from '../database/tables';

/** A failed delivery; `permanent` ones go straight to the dead letters, the rest are retried. */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly permanent = false,
  ) {
    super(message);
  }
}

export interface DeliveryResult {
  /** Recorded as the row's last note, e.g. why a 409 from n8n still counts as delivered. */
  note?: string;
}

export interface Deliverer {
  readonly kinds: OutboxKind[];
  deliver(item: OutboxTable): Promise<DeliveryResult | void>;
}

export const DELIVERERS = Symbol('DELIVERERS');
