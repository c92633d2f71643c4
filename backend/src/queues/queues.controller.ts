import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor, RequirePermission } from '../auth/decorators';
import { Page, PageQueryDto } from '../common/paging';
import { CreateQueueDto, ListQueuesQueryDto, QueueMemberResponse, QueueResponse, UpdateQueueDto } from './queues.dto';
import { QueuesService } from './queues.service';

@ApiTags('queues')
@Controller('queues')
export class QueuesController {
  constructor(private readonly queues: QueuesService) {}

  @Get()
  list(@CurrentActor() actor: Actor, @Query() query: ListQueuesQueryDto): Promise<Page<QueueResponse>> {
    return this.queues.list(actor, query);
  }

  @Get(':idOrKey')
  get(@Param('idOrKey') idOrKey: string): Promise<QueueResponse> {
    return this.queues.get(idOrKey);
  }

  @RequirePermission('admin')
  @Post()
  create(@CurrentActor() actor: Actor, @Body() dto: CreateQueueDto): Promise<QueueResponse> {
    return this.queues.create(actor, dto);
  }

  @RequirePermission('admin')
  @Patch(':idOrKey')
  update(@CurrentActor() actor: Actor, @Param('idOrKey') idOrKey: string, @Body() dto: UpdateQueueDto): Promise<QueueResponse> {
    return this.queues.update(actor, idOrKey, dto);
  }

  @RequirePermission('admin')
  @Delete(':idOrKey')
  @HttpCode(204)
  delete(@CurrentActor() actor: Actor, @Param('idOrKey') idOrKey: string): Promise<void> {
    return this.queues.delete(actor, idOrKey);
  }

  @RequirePermission('admin')
  @Get(':idOrKey/members')
  members(@Param('idOrKey') idOrKey: string, @Query() query: PageQueryDto): Promise<Page<QueueMemberResponse>> {
    return this.queues.listMembers(idOrKey, query);
  }

  @RequirePermission('admin')
  @Put(':idOrKey/members/:userId')
  @HttpCode(204)
  addMember(@CurrentActor() actor: Actor, @Param('idOrKey') idOrKey: string, @Param('userId') userId: string): Promise<void> {
    return this.queues.addMember(actor, idOrKey, userId);
  }

  @RequirePermission('admin')
  @Delete(':idOrKey/members/:userId')
  @HttpCode(204)
  removeMember(@CurrentActor() actor: Actor, @Param('idOrKey') idOrKey: string, @Param('userId') userId: string): Promise<void> {
    return this.queues.removeMember(actor, idOrKey, userId);
  }
}
