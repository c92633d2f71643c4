import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../auth/actor';
import { CurrentActor, RequirePermission } from '../auth/decorators';
import type { Page } from '../common/paging';
import { idParam } from '../common/params';
import {
  CancelInstanceDto,
  CompleteInstanceDto,
  InstanceResponse,
  LaunchResponse,
  LaunchInstanceDto,
  ListInstancesQuery,
  MoveStageDto,
  UpdateDataDto,
} from './instances.dto';
import { InstancesService } from './instances.service';

const uuid = idParam('instance');

@ApiTags('instances')
@Controller('instances')
export class InstancesController {
  constructor(private readonly instances: InstancesService) {}

  /** 201 for a new case, 200 when the idempotency key (or instanceId) names an existing one. */
  @Post()
  @RequirePermission('instances:launch')
  async launch(
    @CurrentActor() actor: Actor,
    @Body() dto: LaunchInstanceDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LaunchResponse> {
    const { instance, created, outcome } = await this.instances.launch(actor, dto);
    void reply.status(created ? 201 : 200);
    return { ...instance, launch: outcome };
  }

  @Get()
  @RequirePermission('instances:read')
  list(@CurrentActor() actor: Actor, @Query() query: ListInstancesQuery): Promise<Page<InstanceResponse>> {
    return this.instances.list(actor, query);
  }

  @Patch(':id/data')
  @RequirePermission('instances:write')
  updateData(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() dto: UpdateDataDto): Promise<InstanceResponse> {
    return this.instances.updateData(actor, id, dto);
  }

  @Post(':id/stage')
  @HttpCode(200)
  @RequirePermission('instances:write')
  moveStage(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() dto: MoveStageDto): Promise<InstanceResponse> {
    return this.instances.moveStage(actor, id, dto);
  }

  @Post(':id/complete')
  @HttpCode(200)
  @RequirePermission('instances:write')
  complete(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() dto: CompleteInstanceDto): Promise<InstanceResponse> {
    return this.instances.complete(actor, id, dto);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @RequirePermission('instances:write')
  cancel(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() dto: CancelInstanceDto): Promise<InstanceResponse> {
    return this.instances.cancel(actor, id, dto);
  }
}
