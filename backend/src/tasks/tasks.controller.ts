import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor, RequirePermission } from '../auth/decorators';
import type { Page } from '../common/paging';
import { idParam } from '../common/params';
import { TaskActionsService } from './task-actions.service';
import { CommentTaskDto, CreateTaskDto, DecideTaskDto, ListTasksQuery, ReassignTaskDto, TaskResponse } from './tasks.dto';
import { CommentResponse, QueueCount, TaskDetailResponse, TasksService } from './tasks.service';

const taskId = idParam('task');

@ApiTags('tasks')
@Controller('tasks')
export class TasksController {
  constructor(
    private readonly tasks: TasksService,
    private readonly actions: TaskActionsService,
  ) {}

  @Post()
  @RequirePermission('tasks:create')
  create(@CurrentActor() actor: Actor, @Body() dto: CreateTaskDto): Promise<TaskResponse> {
    return this.tasks.create(actor, dto);
  }

  @Get()
  @RequirePermission('tasks:read')
  list(@CurrentActor() actor: Actor, @Query() query: ListTasksQuery): Promise<Page<TaskResponse>> {
    return this.tasks.list(actor, query);
  }

  @Get('counts')
  @RequirePermission('tasks:read')
  counts(@CurrentActor() actor: Actor): Promise<QueueCount[]> {
    return this.tasks.counts(actor);
  }

  @Get(':id')
  @RequirePermission('tasks:read')
  get(@CurrentActor() actor: Actor, @Param('id', taskId) id: string): Promise<TaskDetailResponse> {
    return this.tasks.get(actor, id);
  }

  @Post(':id/claim')
  @HttpCode(200)
  @RequirePermission('tasks:write')
  claim(@CurrentActor() actor: Actor, @Param('id', taskId) id: string): Promise<TaskResponse> {
    return this.actions.claim(actor, id);
  }

  @Post(':id/unclaim')
  @HttpCode(200)
  @RequirePermission('tasks:write')
  unclaim(@CurrentActor() actor: Actor, @Param('id', taskId) id: string): Promise<TaskResponse> {
    return this.actions.unclaim(actor, id);
  }

  @Post(':id/decide')
  @HttpCode(200)
  @RequirePermission('tasks:write')
  decide(@CurrentActor() actor: Actor, @Param('id', taskId) id: string, @Body() dto: DecideTaskDto): Promise<TaskResponse> {
    return this.actions.decide(actor, id, dto);
  }

  @Post(':id/reassign')
  @HttpCode(200)
  @RequirePermission('tasks:write')
  reassign(@CurrentActor() actor: Actor, @Param('id', taskId) id: string, @Body() dto: ReassignTaskDto): Promise<TaskResponse> {
    return this.actions.reassign(actor, id, dto);
  }

  @Post(':id/comments')
  @RequirePermission('tasks:write')
  comment(@CurrentActor() actor: Actor, @Param('id', taskId) id: string, @Body() dto: CommentTaskDto): Promise<CommentResponse> {
    return this.actions.comment(actor, id, dto);
  }
}
