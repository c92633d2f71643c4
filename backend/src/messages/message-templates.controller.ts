import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor, RequirePermission } from '../auth/decorators';
import { Page, PageQueryDto } from '../common/paging';
import {
  CreateMessageTemplateDto,
  MessagePreviewResponse,
  MessageTemplateResponse,
  PreviewMessageTemplateDto,
} from './message-templates.dto';
import { MessageTemplatesService } from './message-templates.service';

@ApiTags('messages')
@Controller('message-templates')
export class MessageTemplatesController {
  constructor(private readonly templates: MessageTemplatesService) {}

  @Get()
  @RequirePermission('messages:read')
  list(@Query() query: PageQueryDto): Promise<Page<MessageTemplateResponse>> {
    return this.templates.list(query);
  }

  @Post()
  @RequirePermission('messages:write')
  create(@CurrentActor() actor: Actor, @Body() dto: CreateMessageTemplateDto): Promise<MessageTemplateResponse> {
    return this.templates.create(actor, dto);
  }

  @Get(':key')
  @RequirePermission('messages:read')
  get(@Param('key') key: string): Promise<MessageTemplateResponse> {
    return this.templates.get(key);
  }

  @Get(':key/versions')
  @RequirePermission('messages:read')
  versions(@Param('key') key: string, @Query() query: PageQueryDto): Promise<Page<MessageTemplateResponse>> {
    return this.templates.versions(key, query);
  }

  @Post(':key/preview')
  @HttpCode(200)
  @RequirePermission('messages:read')
  preview(@Param('key') key: string, @Body() dto: PreviewMessageTemplateDto): Promise<MessagePreviewResponse> {
    return this.templates.preview(key, dto);
  }

  @Delete(':key')
  @HttpCode(204)
  @RequirePermission('messages:write')
  delete(@CurrentActor() actor: Actor, @Param('key') key: string): Promise<void> {
    return this.templates.delete(actor, key);
  }
}
