import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: unknown;
  problems?: unknown;
  plan?: unknown;
  correlationId?: string;
}

/** Client errors keep their message; anything unexpected becomes a logged 500 with a correlation id. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Unhandled');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    const body = this.toBody(exception, request);
    void reply.status(body.statusCode).send(body);
  }

  private toBody(exception: unknown, request: FastifyRequest): ErrorBody {
    if (exception instanceof HttpException) return fromHttpException(exception);
    const fastifyStatus = fastifyClientStatus(exception);
    if (fastifyStatus) {
      return { statusCode: fastifyStatus, error: HttpStatus[fastifyStatus] ?? 'Error', message: (exception as Error).message };
    }
    const correlationId = randomUUID();
    this.logger.error(
      `${request.method} ${request.url} failed [${correlationId}]`,
      exception instanceof Error ? exception.stack : String(exception),
    );
    return {
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'Something went wrong on our side. Quote the correlation id when reporting it.',
      correlationId,
    };
  }
}

function fromHttpException(exception: HttpException): ErrorBody {
  const statusCode = exception.getStatus();
  const response = exception.getResponse();
  if (typeof response === 'string') return { statusCode, error: HttpStatus[statusCode] ?? 'Error', message: response };
  const { message, error, details, problems, plan } = response as { message?: unknown; error?: string; details?: unknown; problems?: unknown; plan?: unknown };
  return {
    statusCode,
    error: error ?? HttpStatus[statusCode] ?? 'Error',
    message: Array.isArray(message) ? message.join('; ') : String(message ?? exception.message),
    ...(details !== undefined ? { details } : {}),
    // A refused publish lists the flow's problems, in the shape POST /processes/check answers with.
    ...(problems !== undefined ? { problems } : {}),
    // A refused n8n workflow generation carries its plan (what it would overwrite).
    ...(plan !== undefined ? { plan } : {}),
  };
}

/** Fastify's own client errors (body too large, bad JSON, wrong content type) carry a 4xx statusCode. */
function fastifyClientStatus(exception: unknown): number | undefined {
  const status = (exception as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}
