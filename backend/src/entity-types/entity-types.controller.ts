import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor, RequirePermission } from '../auth/decorators';
import { Page, PageQueryDto } from '../common/paging';
import { CreateEntityTypeDto, EntityTypeResponse } from './entity-types.dto';
import { EntityTypesService } from './entity-types.service';

@ApiTags('entity-types')
@Controller('entity-types')
export class EntityTypesController {
  constructor(private readonly entityTypes: EntityTypesService) {}

  @Get()
  list(@Query() query: PageQueryDto): Promise<Page<EntityTypeResponse>> {
    return this.entityTypes.list(query);
  }

  @RequirePermission('admin')
  @Post()
  create(@CurrentActor() actor: Actor, @Body() dto: CreateEntityTypeDto): Promise<EntityTypeResponse> {
    return this.entityTypes.create(actor, dto);
  }
}
