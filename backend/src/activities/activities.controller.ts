import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor, RequirePermission } from '../auth/decorators';
import { idParam } from '../common/params';
import { ActivityResponse, CreateActivityDto, UpdateActivityDto } from './activities.dto';
import { ActivitiesService } from './activities.service';

@ApiTags('activities')
@Controller()
export class ActivitiesController {
  constructor(private readonly activities: ActivitiesService) {}

  @Post('instances/:id/activities')
  @RequirePermission('activities:write')
  create(@CurrentActor() actor: Actor, @Param('id', idParam('instance')) id: string, @Body() dto: CreateActivityDto): Promise<ActivityResponse> {
    return this.activities.create(actor, id, dto);
  }

  /** Open ones first, by time; then done and cancelled ones. */
  @Get('instances/:id/activities')
  @RequirePermission('instances:read')
  list(@CurrentActor() actor: Actor, @Param('id', idParam('instance')) id: string): Promise<ActivityResponse[]> {
    return this.activities.list(actor, id);
  }

  /** Move it (dueAt, or startAt/endAt), hand it to someone else (assigneeId), or edit its title and note. */
  @Patch('activities/:id')
  @RequirePermission('activities:write')
  update(@CurrentActor() actor: Actor, @Param('id', idParam('activity')) id: string, @Body() dto: UpdateActivityDto): Promise<ActivityResponse> {
    return this.activities.update(actor, id, dto);
  }

  @Post('activities/:id/complete')
  @HttpCode(200)
  @RequirePermission('activities:write')
  complete(@CurrentActor() actor: Actor, @Param('id', idParam('activity')) id: string): Promise<ActivityResponse> {
    return this.activities.complete(actor, id);
  }

  @Post('activities/:id/reopen')
  @HttpCode(200)
  @RequirePermission('activities:write')
  reopen(@CurrentActor() actor: Actor, @Param('id', idParam('activity')) id: string): Promise<ActivityResponse> {
    return this.activities.reopen(actor, id);
  }

  /** Cancels it; it stays on the case, struck through, for the audit. */
  @Delete('activities/:id')
  @RequirePermission('activities:write')
  cancel(@CurrentActor() actor: Actor, @Param('id', idParam('activity')) id: string): Promise<ActivityResponse> {
    return this.activities.cancel(actor, id);
  }
}
