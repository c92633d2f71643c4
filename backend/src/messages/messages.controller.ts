import { Body, Controller, Get, NotFoundException, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../auth/actor';
import { CurrentActor, RequirePermission } from '../auth/decorators';
import { Page } from '../common/paging';
import { fileHeaders } from './file-reply';
import { AttachmentQueryDto, ListMessagesQueryDto, MailboxQueryDto, MessageResponse, SendMessageDto } from './messages.dto';
import { MessagesService } from './messages.service';

@ApiTags('messages')
@Controller()
export class MessagesController {
  constructor(private readonly messages: MessagesService) {}

  @Post('messages')
  @RequirePermission('messages:write')
  send(@CurrentActor() actor: Actor, @Body() dto: SendMessageDto): Promise<MessageResponse> {
    return this.messages.send(actor, dto);
  }

  @Get('messages')
  @RequirePermission('messages:read')
  list(@CurrentActor() actor: Actor, @Query() query: ListMessagesQueryDto): Promise<Page<MessageResponse>> {
    return this.messages.list(actor, query);
  }

  @Get('messages/:id')
  @RequirePermission('messages:read')
  get(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe({ errorHttpStatusCode: 404 })) id: string): Promise<MessageResponse> {
    return this.messages.get(actor, id);
  }

  /** The bytes of an attachment, generated PDFs included; `?inline=true` shows a PDF in the browser. */
  @Get('messages/:id/attachments/:index')
  @ApiProduces('application/octet-stream')
  @RequirePermission('messages:read')
  async attachment(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe({ errorHttpStatusCode: 404 })) id: string,
    @Param('index') index: string,
    @Query() query: AttachmentQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    if (!/^\d{1,3}$/.test(index)) throw new NotFoundException(`Message ${id} has no attachment ${index}.`);
    const file = await this.messages.attachment(actor, id, Number(index));
    fileHeaders(reply, file, query.inline);
    return file.bytes;
  }

  @Get('mailbox')
  @RequirePermission('messages:read')
  mailbox(@CurrentActor() actor: Actor, @Query() query: MailboxQueryDto): Promise<Page<MessageResponse>> {
    return this.messages.mailbox(actor, query);
  }
}
