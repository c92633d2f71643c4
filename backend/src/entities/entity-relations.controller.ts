import { Body, Controller, Delete, Get, Param, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor, RequirePermission } from '../auth/decorators';
import { EntityRelatedResponse, RelatedQueryDto, RelationTargetDto } from './entity-relations.dto';
import { EntityRelationsService } from './entity-relations.service';

@ApiTags('entities')
@Controller('entities')
export class EntityRelationsController {
  constructor(private readonly relations: EntityRelationsService) {}

  @Get(':id/related')
  @RequirePermission('entities:read')
  @ApiOperation({ summary: 'The records this one links to (outgoing) and the records linking to it (incoming).' })
  related(@Param('id') id: string, @Query() query: RelatedQueryDto): Promise<EntityRelatedResponse> {
    return this.relations.related(id, query);
  }

  @Put(':id/relations/:name')
  @RequirePermission('entities:write')
  @ApiOperation({ summary: 'Link this record to another under a name (replaces the link of that name).' })
  set(@CurrentActor() actor: Actor, @Param('id') id: string, @Param('name') name: string, @Body() dto: RelationTargetDto): Promise<EntityRelatedResponse> {
    return this.relations.set(actor, id, name, { ...dto });
  }

  @Delete(':id/relations/:name')
  @RequirePermission('entities:write')
  @ApiOperation({ summary: 'Remove the link of that name (nothing to remove is not an error).' })
  remove(@CurrentActor() actor: Actor, @Param('id') id: string, @Param('name') name: string): Promise<EntityRelatedResponse> {
    return this.relations.set(actor, id, name, null);
  }
}
