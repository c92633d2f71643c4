import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../auth/actor';
import { CurrentActor, RequirePermission } from '../auth/decorators';
import type { Page } from '../common/paging';
import {
  ConvertEntityDto,
  EntityDetailResponse,
  EntityListItem,
  EntityResponse,
  ListEntitiesQueryDto,
  UpdateEntityDto,
  UpsertEntityDto,
} from './entities.dto';
import { EntitiesService } from './entities.service';

@ApiTags('entities')
@Controller('entities')
export class EntitiesController {
  constructor(private readonly entities: EntitiesService) {}

  @Post()
  @RequirePermission('entities:write')
  @ApiOperation({ summary: 'Create or update an entity by type and externalId: 201 when created, 200 when it existed.' })
  async upsert(
    @CurrentActor() actor: Actor,
    @Body() dto: UpsertEntityDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<EntityResponse> {
    const { entity, created } = await this.entities.upsert(actor, dto);
    void reply.status(created ? 201 : 200);
    return entity;
  }

  @Get()
  @RequirePermission('entities:read')
  list(@Query() query: ListEntitiesQueryDto): Promise<Page<EntityListItem>> {
    return this.entities.list(query);
  }

  @Get(':id')
  @RequirePermission('entities:read')
  get(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<EntityDetailResponse> {
    return this.entities.get(actor, id);
  }

  @Patch(':id')
  @RequirePermission('entities:write')
  update(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: UpdateEntityDto): Promise<EntityResponse> {
    return this.entities.update(actor, id, dto);
  }

  @Post(':id/convert')
  @HttpCode(200)
  @RequirePermission('entities:write')
  @ApiOperation({ summary: 'Change the type of an entity (e.g. prospect to client), keeping its id, instances and history.' })
  convert(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: ConvertEntityDto): Promise<EntityResponse> {
    return this.entities.convert(actor, id, dto);
  }
}
