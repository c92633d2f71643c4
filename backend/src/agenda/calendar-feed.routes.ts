import type { Logger } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { CALENDAR_FEED_PATH, CalendarFeedService } from './calendar-feed.service';

const FEED_FILE = /^([A-Za-z0-9_-]{20,100})\.ics$/;

/**
 * The feed URL, outside /api/v1 and Nest's routing: calendar apps fetch it with no session or
 * API key, the secret in the path being the credential. Unknown and revoked feeds look the same.
 */
export function serveCalendarFeeds(fastify: FastifyInstance, service: CalendarFeedService, logger: Logger): void {
  fastify.get<{ Params: { file: string } }>(`${CALENDAR_FEED_PATH}/:file`, async (request, reply) => {
    const token = FEED_FILE.exec(request.params.file)?.[1];
    try {
      const body = token ? await service.render(token) : null;
      if (body === null) return reply.code(404).header('content-type', 'text/plain; charset=utf-8').send('No such calendar.');
      return reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('cache-control', 'private, no-store')
        .header('content-disposition', 'inline; filename="caseflow.ics"')
        .send(body);
    } catch (error) {
      // Never the URL: its token is a live credential.
      logger.error(`Calendar feed failed: ${error instanceof Error ? error.stack : String(error)}`);
      return reply.code(500).header('content-type', 'text/plain; charset=utf-8').send('The calendar could not be read; try again later.');
    }
  });
}
