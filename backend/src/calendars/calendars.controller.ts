import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor, RequirePermission } from '../auth/decorators';
import { Page, PageQueryDto } from '../common/paging';
import { CalendarResponse, CreateCalendarDto, UpdateCalendarDto } from './calendars.dto';
import { CalendarsService } from './calendars.service';

@ApiTags('calendars')
@Controller('calendars')
export class CalendarsController {
  constructor(private readonly calendars: CalendarsService) {}

  @Get()
  list(@Query() query: PageQueryDto): Promise<Page<CalendarResponse>> {
    return this.calendars.list(query);
  }

  @Get(':idOrKey')
  get(@Param('idOrKey') idOrKey: string): Promise<CalendarResponse> {
    return this.calendars.get(idOrKey);
  }

  @RequirePermission('admin')
  @Post()
  create(@CurrentActor() actor: Actor, @Body() dto: CreateCalendarDto): Promise<CalendarResponse> {
    return this.calendars.create(actor, dto);
  }

  @RequirePermission('admin')
  @Patch(':idOrKey')
  update(@CurrentActor() actor: Actor, @Param('idOrKey') idOrKey: string, @Body() dto: UpdateCalendarDto): Promise<CalendarResponse> {
    return this.calendars.update(actor, idOrKey, dto);
  }

  @RequirePermission('admin')
  @Delete(':idOrKey')
  @HttpCode(204)
  delete(@CurrentActor() actor: Actor, @Param('idOrKey') idOrKey: string): Promise<void> {
    return this.calendars.delete(actor, idOrKey);
  }
}
