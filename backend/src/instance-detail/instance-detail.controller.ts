import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor, RequirePermission } from '../auth/decorators';
import { idParam } from '../common/params';
import { InstanceDetailResponse, InstanceDetailService } from './instance-detail.service';

@ApiTags('instances')
@Controller('instances')
export class InstanceDetailController {
  constructor(private readonly details: InstanceDetailService) {}

  /** Everything that happened to one case: stages, tasks, timers, messages, escalations, timeline, deliveries. */
  @Get(':id')
  @RequirePermission('instances:read')
  get(@CurrentActor() actor: Actor, @Param('id', idParam('instance')) id: string): Promise<InstanceDetailResponse> {
    return this.details.get(actor, id);
  }
}
