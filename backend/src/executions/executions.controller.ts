import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor, RequirePermission } from '../auth/decorators';
import { idParam } from '../common/params';
import type { InstanceResponse } from '../instances/instances.dto';
import { ExecutionsService } from './executions.service';

@ApiTags('instances')
@Controller('instances')
export class ExecutionsController {
  constructor(private readonly executions: ExecutionsService) {}

  /** A failed case back to work: its failed execution retried in n8n, or its refused resume sent again. */
  @Post(':id/retry')
  @HttpCode(200)
  @RequirePermission('instances:write')
  retry(@CurrentActor() actor: Actor, @Param('id', idParam('instance')) id: string): Promise<InstanceResponse> {
    return this.executions.retry(actor, id);
  }
}
