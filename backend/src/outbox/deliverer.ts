import type { OutboxKind, OutboxTable } from '../database/tables';

/** A failed delivery; `permanent` ones go straight to the dead letters, the rest are retried. */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly permanent = false,
    /** The receiver answered and said no: its own reason (n8n refusing a resume), kept for the case. */
    readonly refusal?: { status: number; reason: string },
    /** Backoff base for a retry expected to succeed soon, instead of the configured one. */
    readonly retryBaseMs?: number,
  ) {
    super(message);
  }
}

/**
 * Told how deliveries end, in a transaction right after the outcome is recorded: the executions
 * domain marks a case whose resume call n8n refused, without the outbox knowing about cases.
 */
export interface DeliveryObserver {
  readonly kinds: OutboxKind[];
  delivered?(item: OutboxTable, result?: DeliveryResult): Promise<void>;
  deadLettered?(item: OutboxTable, error: unknown): Promise<void>;
}

export interface DeliveryResult {
  /** Recorded as the row's last note, e.g. why a 409 from n8n still counts as delivered. */
  note?: string;
  /** The receiver answered, but nothing waited for the call any more (n8n's 409), with its reason. */
  notTaken?: { status: number; reason: string };
}

export interface Deliverer {
  readonly kinds: OutboxKind[];
  /** `signal` aborts at shutdown; a deliverer that cannot be interrupted may ignore it. */
  deliver(item: OutboxTable, signal?: AbortSignal): Promise<DeliveryResult | void>;
}

export const DELIVERERS = Symbol('DELIVERERS');
