import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor, RequirePermission } from '../auth/decorators';
import { Page, PageQueryDto } from '../common/paging';
import { ListMessagesQueryDto, MessageResponse, SendMessageDto } from './messages.dto';
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

  @Get('mailbox')
  @RequirePermission('messages:read')
  mailbox(@CurrentActor() actor: Actor, @Query() query: PageQueryDto): Promise<Page<MessageResponse>> {
    return this.messages.mailbox(actor, query);
  }
}
