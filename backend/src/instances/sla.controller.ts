import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor, RequirePermission } from '../auth/decorators';
import { idParam } from '../common/params';
import type { StageVisitResponse } from './instances.dto';
import { PauseSlaDto } from './sla.dto';
import { SlaService } from './sla.service';

const uuid = idParam('instance');

@ApiTags('instances')
@Controller('instances/:id/sla')
export class SlaController {
  constructor(private readonly sla: SlaService) {}

  /** Stops the current stage's SLA clock, e.g. while the case waits on the customer. */
  @Post('pause')
  @HttpCode(200)
  @RequirePermission('instances:write')
  pause(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() dto: PauseSlaDto): Promise<StageVisitResponse> {
    return this.sla.pause(actor, id, dto);
  }

  /** Restarts the clock; the stage's due time (and its open tasks') moves by the paused business time. */
  @Post('resume')
  @HttpCode(200)
  @RequirePermission('instances:write')
  resume(@CurrentActor() actor: Actor, @Param('id', uuid) id: string): Promise<StageVisitResponse> {
    return this.sla.resume(actor, id);
  }
}
