import { Logger, Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { AgendaController } from './agenda.controller';
import { AgendaRepository } from './agenda.repository';
import { AgendaService } from './agenda.service';
import { serveCalendarFeeds } from './calendar-feed.routes';
import { CalendarFeedService } from './calendar-feed.service';

/** "My agenda" and its iCalendar feed. */
@Module({
  controllers: [AgendaController],
  providers: [AgendaRepository, AgendaService, CalendarFeedService],
})
export class AgendaModule implements OnModuleInit {
  private readonly logger = new Logger('CalendarFeeds');

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly feeds: CalendarFeedService,
  ) {}

  onModuleInit(): void {
    // The CLI boots the application without HTTP: nothing to serve then.
    const adapter = this.adapterHost.httpAdapter;
    if (adapter) serveCalendarFeeds(adapter.getInstance<FastifyInstance>(), this.feeds, this.logger);
  }
}
