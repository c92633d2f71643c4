import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor, RequirePermission } from '../auth/decorators';
import { Page } from '../common/paging';
import { CreateEscalationDto, EscalationResponse, ListEscalationsQueryDto } from './escalations.dto';
import { EscalationsService } from './escalations.service';

@ApiTags('escalations')
@Controller('escalations')
export class EscalationsController {
  constructor(private readonly escalations: EscalationsService) {}

  @Post()
  @RequirePermission('tasks:write')
  escalate(@CurrentActor() actor: Actor, @Body() dto: CreateEscalationDto): Promise<EscalationResponse> {
    return this.escalations.escalate(actor, dto);
  }

  @Get()
  @RequirePermission('tasks:read')
  list(@CurrentActor() actor: Actor, @Query() query: ListEscalationsQueryDto): Promise<Page<EscalationResponse>> {
    return this.escalations.list(actor, query);
  }
}
