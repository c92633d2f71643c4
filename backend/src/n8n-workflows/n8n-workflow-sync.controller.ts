import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor, RequirePermission } from '../auth/decorators';
import { GenerateWorkflowQueryDto, GenerateWorkflowResponse, N8nWorkflowLinkResponse } from './n8n-workflows.dto';
import { N8nWorkflowSyncService } from './n8n-workflow-sync.service';

@ApiTags('n8n workflows')
@Controller('processes/:key/n8n-workflow')
export class N8nWorkflowSyncController {
  constructor(private readonly sync: N8nWorkflowSyncService) {}

  @RequirePermission('processes:read')
  @Get()
  get(@Param('key') key: string): Promise<N8nWorkflowLinkResponse> {
    return this.sync.getLink(key);
  }

  @RequirePermission('processes:write')
  @Post()
  @HttpCode(200)
  generate(@CurrentActor() actor: Actor, @Param('key') key: string, @Query() query: GenerateWorkflowQueryDto): Promise<GenerateWorkflowResponse> {
    return this.sync.generate(actor, key, query);
  }
}
