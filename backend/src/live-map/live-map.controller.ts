import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor, RequirePermission } from '../auth/decorators';
import { LiveMapQueryDto, LiveMapResponse } from './live-map.dto';
import { LiveMapService } from './live-map.service';

@ApiTags('reports')
@RequirePermission('reports:read')
@Controller('processes/:key/live-map')
export class LiveMapController {
  constructor(private readonly liveMap: LiveMapService) {}

  @Get()
  @ApiOperation({ summary: 'Cases and traffic per stage and decision of a process, for the live process map.' })
  get(@CurrentActor() actor: Actor, @Param('key') key: string, @Query() query: LiveMapQueryDto): Promise<LiveMapResponse> {
    return this.liveMap.get(actor, key, query);
  }
}
