import { Body, Controller, Delete, Get, HttpCode, NotFoundException, Param, Post, Query, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../auth/actor';
import { CurrentActor, RequirePermission } from '../auth/decorators';
import { Page, PageQueryDto } from '../common/paging';
import {
  CreateMessageTemplateDto,
  MessagePreviewResponse,
  MessageTemplateResponse,
  PreviewDraftDto,
  PreviewMessageTemplateDto,
} from './message-templates.dto';
import { MessageTemplatesService } from './message-templates.service';
import { fileHeaders } from './file-reply';
import { PDF_CONTENT_TYPE } from './message-documents';
import { MessagePreviewsService } from './message-previews.service';

@ApiTags('messages')
@Controller('message-templates')
export class MessageTemplatesController {
  constructor(
    private readonly templates: MessageTemplatesService,
    private readonly previews: MessagePreviewsService,
  ) {}

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

  /** An unsaved draft from the editor, with sample data or against a case (`instanceId`). */
  @Post('preview')
  @HttpCode(200)
  @RequirePermission('messages:read')
  previewDraft(@CurrentActor() actor: Actor, @Body() dto: PreviewDraftDto): Promise<MessagePreviewResponse> {
    return this.previews.draft(actor, dto);
  }

  /** The draft's document at `index` as a PDF, shown in place (content-disposition: inline). */
  @Post('preview/documents/:index')
  @HttpCode(200)
  @ApiProduces(PDF_CONTENT_TYPE)
  @RequirePermission('messages:read')
  async previewDocument(
    @CurrentActor() actor: Actor,
    @Param('index') index: string,
    @Body() dto: PreviewDraftDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    if (!/^\d{1,3}$/.test(index)) throw new NotFoundException(`The draft has no document ${index}.`);
    const document = await this.previews.draftDocument(actor, dto, Number(index));
    fileHeaders(reply, { filename: document.filename, contentType: PDF_CONTENT_TYPE }, true);
    return document.bytes;
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
  preview(@CurrentActor() actor: Actor, @Param('key') key: string, @Body() dto: PreviewMessageTemplateDto): Promise<MessagePreviewResponse> {
    return this.previews.template(actor, key, dto);
  }

  @Delete(':key')
  @HttpCode(204)
  @RequirePermission('messages:write')
  delete(@CurrentActor() actor: Actor, @Param('key') key: string): Promise<void> {
    return this.templates.delete(actor, key);
  }
}
