import { Controller, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/decorators';
import { AgendaQueryDto, AgendaResponse } from './agenda.dto';
import { AgendaService } from './agenda.service';
import { CalendarFeedResponse } from './calendar-feed.dto';
import { CalendarFeedService } from './calendar-feed.service';

@ApiTags('agenda')
@Controller('me')
export class AgendaController {
  constructor(
    private readonly agenda: AgendaService,
    private readonly feeds: CalendarFeedService,
  ) {}

  /** Overdue first, then one entry per day that has something, then what has no date. */
  @Get('agenda')
  get(@CurrentActor() actor: Actor, @Query() query: AgendaQueryDto): Promise<AgendaResponse> {
    return this.agenda.agenda(actor, query);
  }

  @Get('calendar-feed')
  feed(@CurrentActor() actor: Actor): Promise<CalendarFeedResponse> {
    return this.feeds.status(actor);
  }

  /** A new secret feed URL, shown only in this answer; the previous URL stops working. */
  @Post('calendar-feed')
  createFeed(@CurrentActor() actor: Actor): Promise<CalendarFeedResponse> {
    return this.feeds.create(actor);
  }

  /** The feed URL answers 404 from now on. */
  @Delete('calendar-feed')
  @HttpCode(204)
  async revokeFeed(@CurrentActor() actor: Actor): Promise<void> {
    await this.feeds.revoke(actor);
  }
}
