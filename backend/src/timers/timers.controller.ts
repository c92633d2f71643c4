import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor, RequirePermission } from '../auth/decorators';
import { Page } from '../common/paging';
import { CreateTimerDto, ListTimersQueryDto, TimerResponse } from './timers.dto';
import { TimersService } from './timers.service';

const timerId = new ParseUUIDPipe({ errorHttpStatusCode: 404 });

@ApiTags('timers')
@Controller('timers')
export class TimersController {
  constructor(private readonly timers: TimersService) {}

  @Post()
  @RequirePermission('instances:write')
  create(@CurrentActor() actor: Actor, @Body() dto: CreateTimerDto): Promise<TimerResponse> {
    return this.timers.create(actor, dto);
  }

  @Get()
  @RequirePermission('instances:read')
  list(@CurrentActor() actor: Actor, @Query() query: ListTimersQueryDto): Promise<Page<TimerResponse>> {
    return this.timers.list(actor, query);
  }

  @Get(':id')
  @RequirePermission('instances:read')
  get(@CurrentActor() actor: Actor, @Param('id', timerId) id: string): Promise<TimerResponse> {
    return this.timers.get(actor, id);
  }

  @Delete(':id')
  @RequirePermission('instances:write')
  cancel(@CurrentActor() actor: Actor, @Param('id', timerId) id: string): Promise<TimerResponse> {
    return this.timers.cancel(actor, id);
  }
}
