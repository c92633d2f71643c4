import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { concatMap, Observable } from 'rxjs';
import { ExecutionsService } from './executions.service';

/** Sent by the Caseflow nodes on every call: the n8n execution making it, and its workflow. */
export const EXECUTION_HEADER = 'x-caseflow-n8n-execution';
export const WORKFLOW_HEADER = 'x-caseflow-n8n-workflow';

const N8N_ID = /^[A-Za-z0-9_-]{1,100}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INSTANCES_ROUTE = /^\/api\/v1\/instances(\/|$)/;

/**
 * Learns which n8n executions act on which case: after a call made with the execution headers
 * succeeds, the case it concerned is linked to that execution (see ExecutionsService.noteSeen).
 * The link is written before the answer goes out, so whoever reads the case next sees it.
 */
@Injectable()
export class ExecutionLinkInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Executions');

  constructor(private readonly executions: ExecutionsService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const executionId = header(request, EXECUTION_HEADER);
    if (!executionId || !N8N_ID.test(executionId)) return next.handle();
    const workflowId = header(request, WORKFLOW_HEADER);
    return next.handle().pipe(
      concatMap(async (response: unknown) => {
        const instanceId = instanceIdOf(request, response);
        if (instanceId) {
          const seen = { instanceId, executionId, workflowId: workflowId && N8N_ID.test(workflowId) ? workflowId : null };
          // The call itself succeeded; failing to note who made it must not turn it into an error.
          await this.executions.noteSeen(seen).catch((error: unknown) => {
            this.logger.warn(`execution ${executionId} on case ${instanceId} not linked: ${error instanceof Error ? error.message : String(error)}`);
          });
        }
        return response;
      }),
    );
  }
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The case a call concerned: `instanceId` in its body, an `:instanceId` or (under /instances)
 * `:id` route parameter, or the `instanceId` of its answer — the answer's `id` for a launch, the
 * answer's `instance` for a resume the node took (POST /waits/take).
 */
export function instanceIdOf(request: FastifyRequest, response: unknown): string | null {
  const body = asRecord(request.body);
  const params = asRecord(request.params);
  const answer = asRecord(response);
  const underInstances = INSTANCES_ROUTE.test(request.routeOptions?.url ?? request.url);
  const candidates = [
    body?.instanceId,
    params?.instanceId,
    underInstances ? params?.id : undefined,
    answer?.instanceId,
    underInstances ? answer?.id : undefined,
    asRecord(answer?.instance)?.id,
  ];
  const found = candidates.find((value): value is string => typeof value === 'string' && UUID.test(value));
  return found ?? null;
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}
