import { Inject, Injectable } from '@nestjs/common';
import { IDEMPOTENCY_HEADER, SIGNATURE_HEADER, sign, TIMESTAMP_HEADER } from '../common/signing';
import { APP_CONFIG, AppConfig } from '../config/config';
import type { OutboxKind, OutboxTable } from '../database/tables';
import { Deliverer, DeliveryError, DeliveryResult } from './deliverer';

const TIMEOUT_MS = 10_000;

/** POSTs n8n resume calls and trigger webhooks, signed with the shared secret. */
@Injectable()
export class HttpDeliverer implements Deliverer {
  readonly kinds: OutboxKind[] = ['n8n_resume', 'webhook'];

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async deliver(item: OutboxTable): Promise<DeliveryResult | void> {
    if (!item.target) throw new DeliveryError('no target URL', true);
    const body = JSON.stringify(item.payload);
    // The receiver judges freshness by its own clock, so this is wall-clock time, not the
    // injectable Clock that tests move.
    const timestamp = Date.now();
    let response: Response;
    try {
      response = await fetch(item.target, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [TIMESTAMP_HEADER]: String(timestamp),
          [SIGNATURE_HEADER]: sign(this.config.signingSecret, timestamp, body),
          [IDEMPOTENCY_HEADER]: item.idempotencyKey,
        },
        body,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      throw new DeliveryError(`could not reach ${new URL(item.target).host}: ${describe(error)}`);
    }
    const text = await response.text().catch(() => '');
    if (item.kind === 'n8n_resume') return this.resumeOutcome(item, response, text);
    if (response.ok) return;
    throw new DeliveryError(`${item.target} answered ${response.status} ${response.statusText}`, !isRetryable(response.status));
  }

  /**
   * n8n's answers while it restarts look like final ones: first a 200 "n8n is starting up",
   * then 404s until its routes are mounted. Both are retried (a resume URL that truly names no
   * execution runs out of attempts and is dead-lettered, visible and retryable).
   */
  private resumeOutcome(item: OutboxTable, response: Response, text: string): DeliveryResult | void {
    const failed = (why: string, permanent = false) => new DeliveryError(`${item.target} answered ${response.status}: ${why}`, permanent);
    if (response.ok && STARTING_UP.test(text)) throw failed('n8n is still starting up');
    if (response.ok) return;
    // 409: the execution is no longer waiting — an earlier attempt resumed it (its answer was
    // lost) or it finished. Either way there is nothing left to resume.
    if (response.status === 409) return { note: 'n8n: the execution was no longer waiting' };
    if (response.status === 404) throw failed('not found (n8n may be starting up)');
    throw failed(response.statusText, !isRetryable(response.status));
  }
}

const STARTING_UP = /n8n is starting up/i;

const isRetryable = (status: number): boolean => status >= 500 || status === 408 || status === 429;

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}
