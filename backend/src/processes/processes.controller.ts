import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor, RequirePermission } from '../auth/decorators';
import { Page, PageQueryDto } from '../common/paging';
import { versionParam } from '../common/params';
import { ProcessArchiveService } from './process-archive.service';
import { ProcessCheckService } from './process-check.service';
import { ProcessDraftsService } from './process-drafts.service';
import { CheckProcessDto, CreateProcessDto, ListProcessesQueryDto, ProcessCheckResponse, ProcessResponse, UpdateProcessDto } from './processes.dto';
import { ProcessesService } from './processes.service';

@ApiTags('processes')
@Controller('processes')
export class ProcessesController {
  constructor(
    private readonly processes: ProcessesService,
    private readonly drafts: ProcessDraftsService,
    private readonly checks: ProcessCheckService,
    private readonly archives: ProcessArchiveService,
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

  /** The body is read by the check itself (not the validation pipe), so a malformed definition is answered with its problems. */
  @Post('check')
  @HttpCode(200)
  @RequirePermission('processes:write')
  @ApiOperation({ summary: 'Every problem of a definition (the designer\'s checklist); writes nothing.' })
  @ApiBody({ type: CheckProcessDto })
  check(@Body() body: Record<string, unknown>): Promise<ProcessCheckResponse> {
    return this.checks.check(body);
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

  @Post(':key/archive')
  @HttpCode(200)
  @RequirePermission('processes:write')
  @ApiOperation({ summary: 'Stop new cases of the process and leave it out of the list; running cases carry on.' })
  archive(@CurrentActor() actor: Actor, @Param('key') key: string): Promise<ProcessResponse> {
    return this.archives.archive(actor, key);
  }

  @Post(':key/unarchive')
  @HttpCode(200)
  @RequirePermission('processes:write')
  unarchive(@CurrentActor() actor: Actor, @Param('key') key: string): Promise<ProcessResponse> {
    return this.archives.unarchive(actor, key);
  }
}
