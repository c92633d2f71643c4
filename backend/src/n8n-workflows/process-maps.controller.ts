import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../auth/decorators';
import { N8nWorkflowListItem, ProcessMapResponse } from './n8n-workflows.dto';
import { ProcessMapsService } from './process-maps.service';

@ApiTags('n8n workflows')
@Controller()
export class ProcessMapsController {
  constructor(private readonly maps: ProcessMapsService) {}

  @RequirePermission('processes:read')
  @Get('n8n/workflows')
  list(): Promise<N8nWorkflowListItem[]> {
    return this.maps.listWorkflows();
  }

  @RequirePermission('processes:read')
  @Get('n8n/workflows/:id/process-map')
  processMap(@Param('id') id: string): Promise<ProcessMapResponse> {
    return this.maps.processMapOf(id);
  }

  /** The body is an n8n workflow JSON as n8n exports it; no n8n is needed. */
  @RequirePermission('processes:read')
  @Post('process-maps/from-n8n')
  @HttpCode(200)
  @ApiBody({ description: 'An n8n workflow: { name, nodes, connections }', schema: { type: 'object' } })
  fromN8n(@Body() body: unknown): ProcessMapResponse {
    return this.maps.fromJson(body);
  }
}
