import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor, RequirePermission } from '../auth/decorators';
import { Page, PageQueryDto } from '../common/paging';
import { versionParam } from '../common/params';
import { ProcessDraftsService } from './process-drafts.service';
import { CreateProcessDto, ListProcessesQueryDto, ProcessResponse, UpdateProcessDto } from './processes.dto';
import { ProcessesService } from './processes.service';

@ApiTags('processes')
@Controller('processes')
export class ProcessesController {
  constructor(
    private readonly processes: ProcessesService,
    private readonly drafts: ProcessDraftsService,
  ) {}

  @Get()
  @RequirePermission('processes:read')
  @ApiOperation({ summary: 'One row per process key; with entityType, the published processes that may start for it.' })
  list(@Query() query: ListProcessesQueryDto): Promise<Page<ProcessResponse>> {
    return this.processes.list(query);
  }

  @Post()
  @RequirePermission('processes:write')
  @ApiOperation({ summary: 'Create a process as draft version 1.' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateProcessDto): Promise<ProcessResponse> {
    return this.drafts.create(actor, dto);
  }

  @Get(':key')
  @RequirePermission('processes:read')
  @ApiOperation({ summary: 'The latest published version, or the draft while none was published.' })
  get(@Param('key') key: string): Promise<ProcessResponse> {
    return this.processes.get(key);
  }

  @Get(':key/versions')
  @RequirePermission('processes:read')
  listVersions(@Param('key') key: string, @Query() query: PageQueryDto): Promise<Page<ProcessResponse>> {
    return this.processes.listVersions(key, query);
  }

  @Get(':key/versions/:version')
  @RequirePermission('processes:read')
  getVersion(@Param('key') key: string, @Param('version', versionParam('process')) version: number): Promise<ProcessResponse> {
    return this.processes.getVersionOf(key, version);
  }

  @Patch(':key/versions/:version')
  @RequirePermission('processes:write')
  @ApiOperation({ summary: 'Edit a version by number: only the draft can be edited (409 for a published one).' })
  updateVersion(
    @CurrentActor() actor: Actor,
    @Param('key') key: string,
    @Param('version', versionParam('process')) version: number,
    @Body() dto: UpdateProcessDto,
  ): Promise<ProcessResponse> {
    return this.drafts.updateVersion(actor, key, version, dto);
  }

  @Patch(':key/draft')
  @RequirePermission('processes:write')
  updateDraft(@CurrentActor() actor: Actor, @Param('key') key: string, @Body() dto: UpdateProcessDto): Promise<ProcessResponse> {
    return this.drafts.updateDraft(actor, key, dto);
  }

  @Post(':key/draft')
  @RequirePermission('processes:write')
  @ApiOperation({ summary: 'Start the next draft from the latest published version.' })
  createDraft(@CurrentActor() actor: Actor, @Param('key') key: string): Promise<ProcessResponse> {
    return this.drafts.createDraft(actor, key);
  }

  @Post(':key/publish')
  @HttpCode(200)
  @RequirePermission('processes:write')
  @ApiOperation({ summary: 'Publish the draft as the next immutable version.' })
  publish(@CurrentActor() actor: Actor, @Param('key') key: string): Promise<ProcessResponse> {
    return this.drafts.publish(actor, key);
  }
}
