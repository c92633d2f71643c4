import { Inject, Injectable } from '@nestjs/common';
import { IDEMPOTENCY_HEADER, SIGNATURE_HEADER, sign, TIMESTAMP_HEADER } from '../common/signing';
import { APP_CONFIG, AppConfig } from '../config/config';
import type { OutboxKind, OutboxTable } from '../database/tables';
import { Deliverer, DeliveryError, DeliveryResult } from './deliverer';
import { OutboundPolicy } from './outbound-policy';
import { describeResumeTarget, reasonFromBody } from './resume-target';

/** How long each kind may take: a resume waits for n8n's answer, a trigger webhook only for its receipt. */
const TIMEOUT_MS: Partial<Record<OutboxKind, number>> = { n8n_resume: 10_000, webhook: 5_000 };

/** POSTs n8n resume calls and trigger webhooks, signed with the shared secret. */
@Injectable()
export class HttpDeliverer implements Deliverer {
  readonly kinds: OutboxKind[] = ['n8n_resume', 'webhook'];

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly outbound: OutboundPolicy,
  ) {}

  async deliver(item: OutboxTable, stop?: AbortSignal): Promise<DeliveryResult | void> {
    if (!item.target) throw new DeliveryError('no target URL', true);
    // Checked again here: a row written before the rules existed, or a host whose DNS now answers a
    // private address, is refused before any connection, so no answer can tell what listens there.
    const problem = item.kind === 'n8n_resume' ? this.outbound.resumeUrlProblem(item.target) : await this.outbound.webhookTargetProblem(item.target);
    if (problem) throw new DeliveryError(`refused: ${problem}`, true);
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
        redirect: 'manual',
        signal: withStop(AbortSignal.timeout(TIMEOUT_MS[item.kind] ?? 10_000), stop),
      });
    } catch (error) {
      throw new DeliveryError(`${UNREACHABLE} ${new URL(item.target).host}: ${describe(error)}`);
    }
    const text = await response.text().catch(() => '');
    if (response.status >= 300 && response.status < 400) throw redirected(item.target, response);
    if (item.kind === 'n8n_resume') return this.resumeOutcome(item, response, text);
    if (response.ok) return;
    throw new DeliveryError(`${item.target} answered ${response.status} ${response.statusText}`, !isRetryable(response.status));
  }

  /**
   * n8n's answers while it restarts look like final ones: first a 200 "n8n is starting up",
   * then 404s until its routes are mounted. Both are retried (a resume URL that truly names no
   * execution runs out of attempts and is dead-lettered, visible and retryable).
   *
   * The URL carries n8n's signature, so errors name the execution instead, with the reason the
   * receiver gave: n8n's own (`{ message }`) or the Caseflow node's (`{ error }`, e.g. a credential
   * without its signing secret).
   */
  private resumeOutcome(item: OutboxTable, response: Response, text: string): DeliveryResult | void {
    const status = response.status;
    const execution = describeResumeTarget(item.target);
    const reason = reasonFromBody(text, item.target) || response.statusText;
    // A 5xx is trouble on the way (a proxy, n8n itself), not n8n saying no to this call.
    const failed = (why: string, permanent = false, retryBaseMs?: number) =>
      new DeliveryError(`${execution} answered ${status}: ${why}`, permanent, status < 500 ? { status, reason: why } : undefined, retryBaseMs);
    if (response.ok && STARTING_UP.test(text)) throw new DeliveryError(`${execution} answered ${status}: n8n is still starting up`);
    if (response.ok) return;
    // The execution is no longer waiting: another call resumed it, an earlier attempt's answer was
    // lost, or n8n ended the wait itself (Await Decision's time limit). Nothing is left to do here; an
    // execution that finished with an error is reported by the execution sweep.
    // …except while the execution is still running towards its wait: the decision came before n8n
    // had parked it (a reviewer deciding the moment the task appears). Then it is tried again, soon:
    // the node that made the task is parking the execution right now.
    if (status === 409 && RUNNING_ALREADY.test(reason)) throw failed(`${reason} (not waiting yet; trying again)`, false, NOT_WAITING_YET_RETRY_MS);
    if (status === 409) return { note: `n8n: the execution was no longer waiting (${reason})`, notTaken: { status, reason } };
    if (status === 404) throw failed(reason === response.statusText ? 'not found (n8n may be starting up)' : reason);
    throw failed(reason, !isRetryable(status));
  }
}

/** How an attempt that got no answer is described; such an attempt may still have reached n8n. */
const UNREACHABLE = 'could not reach';
const STARTING_UP = /n8n is starting up/i;
/** n8n's 409 for a resume that reached an execution before it started waiting. */
const RUNNING_ALREADY = /is running already/i;
/** Backoff base for that 409: 50–100 ms, then 100–200 ms, … (n8n parks an execution within milliseconds). */
const NOT_WAITING_YET_RETRY_MS = 100;

/**
 * Redirects are never followed: a receiver could otherwise send the signed call to another port or
 * host the rules above refuse. The target to register instead is named by its origin.
 */
function redirected(target: string, response: Response): DeliveryError {
  const location = response.headers.get('location');
  let to = 'no Location';
  try {
    if (location) to = new URL(location, target).origin;
  } catch {
    to = 'an invalid Location';
  }
  return new DeliveryError(`${describeResumeTarget(target)} answered ${response.status} redirecting to ${to}; redirects are not followed, register the final URL`, true);
}

const withStop = (timeout: AbortSignal, stop: AbortSignal | undefined): AbortSignal => (stop ? AbortSignal.any([timeout, stop]) : timeout);

const isRetryable = (status: number): boolean => status >= 500 || status === 408 || status === 429;

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}
