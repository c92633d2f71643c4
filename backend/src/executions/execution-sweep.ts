import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../config/config';
import { Database } from '../database/database';
import type { CaseExecutionTable, ExecutionStatus } from '../database/tables';
import { CaseFailures } from './case-failures.service';
import { executionUrl } from './executions.dto';
import { ExecutionsRepository } from './executions.repository';
import { N8nAnswerError, N8nExecution, N8nExecutionsClient } from './n8n-executions.client';

/** How often the sweep runs, and how long a running execution goes unchecked at most. */
export const EXECUTION_SWEEP_MS = 10_000;
/** A waiting execution fails only after it is resumed (which marks it running again): a slow look is enough. */
const WAITING_CHECK_MS = 60_000;
/** A round's checks, and how many are in flight at once: n8n serves its editor from the same process. */
const CHECKS_PER_ROUND = 20;
const CONCURRENCY = 4;
/**
 * n8n answers 404 for an execution it pruned or deleted, but also, briefly, for one it has not
 * saved yet. Each 404 is counted in the link's `error.misses`; the third in a row makes the link
 * `unknown`, and claimDueChecks never picks an unknown link again — unless the execution calls the
 * backend, which makes it running (and clears the count).
 */
const MISSES_BEFORE_UNKNOWN = 3;

/**
 * Follows the executions that acted on open cases through n8n's public API and marks a case
 * `failed` (needs attention) when one of them fails. Runs only with N8N_URL and N8N_API_KEY set.
 */
@Injectable()
export class ExecutionSweep {
  private readonly logger = new Logger('Executions');
  private readonly n8n: N8nExecutionsClient | null;
  private lastWarning = '';

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: Database,
    private readonly repository: ExecutionsRepository,
    private readonly failures: CaseFailures,
    private readonly clock: Clock,
  ) {
    this.n8n = config.n8n ? new N8nExecutionsClient(config.n8n) : null;
  }

  get enabled(): boolean {
    return this.n8n !== null;
  }

  /** One round; returns how many executions it checked. */
  async run(): Promise<number> {
    const n8n = this.n8n;
    if (!n8n) return 0;
    const now = this.clock.now();
    const links = await this.db.transaction(() =>
      this.repository.claimDueChecks(now, EXECUTION_SWEEP_MS, WAITING_CHECK_MS, CHECKS_PER_ROUND),
    );
    const queue = [...links];
    const worker = async (): Promise<void> => {
      for (let link = queue.shift(); link; link = queue.shift()) await this.check(n8n, link);
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, queue.length) }, worker));
    return links.length;
  }

  private async check(n8n: N8nExecutionsClient, link: CaseExecutionTable): Promise<void> {
    let execution: N8nExecution | null;
    try {
      execution = await n8n.get(link.executionId);
    } catch (error) {
      // checked_at was stamped by the claim: the next round looks again.
      this.report(link, error);
      return;
    }
    if (!execution) return this.noteMissing(link);
    const status = linkStatus(execution);
    const workflowId = link.workflowId ?? execution.workflowId;
    if (status !== 'error') {
      await this.db.transaction(() => this.repository.saveCheck(link, { status, error: null, workflowId }));
      return;
    }
    const error = execution.error ?? { message: `n8n reports the execution as ${execution.status ?? 'failed'}`, node: null };
    await this.db.transaction(async () => {
      if (!(await this.repository.saveCheck(link, { status, error, workflowId }))) return;
      await this.failures.fail(link.instanceId, {
        message: error.message,
        node: error.node,
        executionId: link.executionId,
        workflowId,
        executionUrl: executionUrl(this.config.n8n, workflowId, link.executionId),
        source: 'execution',
      });
    });
  }

  private async noteMissing(link: CaseExecutionTable): Promise<void> {
    const misses = (link.error?.misses ?? 0) + 1;
    const error = { message: `n8n has no execution ${link.executionId} (deleted or pruned?)`, node: null, misses };
    const status = misses >= MISSES_BEFORE_UNKNOWN ? 'unknown' : link.status;
    await this.db.transaction(() => this.repository.saveCheck(link, { status, error }));
  }

  /** An unreachable n8n is expected now and then (restarts); an n8n that says no (a bad API key) is worth a warning, once. */
  private report(link: CaseExecutionTable, error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    if (!(error instanceof N8nAnswerError)) {
      this.logger.debug(`n8n execution ${link.executionId} not checked: ${message}`);
      return;
    }
    if (message !== this.lastWarning) this.logger.warn(`n8n execution ${link.executionId} not checked: ${message}`);
    this.lastWarning = message;
  }
}

/** n8n's statuses: success, error, crashed, canceled, waiting, running, new; older n8n may leave it out. */
function linkStatus(execution: N8nExecution): ExecutionStatus {
  switch (execution.status) {
    case 'success':
      return 'success';
    case 'error':
    case 'crashed':
      return 'error';
    case 'canceled':
      return 'canceled';
    case 'waiting':
      return 'waiting';
    case null:
      if (execution.error) return 'error';
      return execution.finished ? 'success' : 'running';
    default:
      return 'running';
  }
}
