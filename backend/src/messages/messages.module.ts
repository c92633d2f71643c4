import { Module } from '@nestjs/common';
import { MessageTemplatesController } from './message-templates.controller';
import { MessageTemplatesRepository } from './message-templates.repository';
import { MessageTemplatesService } from './message-templates.service';
import { MessagesController } from './messages.controller';
import { MessagesRepository } from './messages.repository';
import { MessagesService } from './messages.service';
import { MessageRenderer } from './renderer';

@Module({
  controllers: [MessageTemplatesController, MessagesController],
  providers: [MessageRenderer, MessageTemplatesRepository, MessageTemplatesService, MessagesRepository, MessagesService],
  exports: [MessagesService, MessageTemplatesService],
})
export class MessagesModule {}
