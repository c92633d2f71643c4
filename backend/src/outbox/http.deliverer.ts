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
    await response.arrayBuffer().catch(() => undefined);
    if (response.ok) return;
    // n8n answers 409 once an execution is no longer waiting: an earlier attempt resumed it
    // (its answer was lost) or it finished. Either way there is nothing left to resume.
    if (item.kind === 'n8n_resume' && response.status === 409) return { note: 'n8n: the execution was no longer waiting' };
    const retryable = response.status >= 500 || response.status === 408 || response.status === 429;
    throw new DeliveryError(`${item.target} answered ${response.status} ${response.statusText}`, !retryable);
  }
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}
