import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module';
import { MessagePreviewsService } from './message-previews.service';
import { MessageTemplatesController } from './message-templates.controller';
import { MessageTemplatesRepository } from './message-templates.repository';
import { MessageTemplatesService } from './message-templates.service';
import { MessagesController } from './messages.controller';
import { MessagesRepository } from './messages.repository';
import { MessagesService } from './messages.service';
import { RenderContextLoader } from './render-context.loader';
import { MessageRenderer } from './renderer';

@Module({
  imports: [DocumentsModule],
  controllers: [MessageTemplatesController, MessagesController],
  providers: [
    MessageRenderer,
    MessageTemplatesRepository,
    MessageTemplatesService,
    MessagePreviewsService,
    MessagesRepository,
    MessagesService,
    RenderContextLoader,
  ],
  exports: [MessagesService, MessageTemplatesService],
})
export class MessagesModule {}
