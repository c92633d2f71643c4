import { Module } from '@nestjs/common';
import { CalendarsModule } from '../calendars/calendars.module';
import { MessagesModule } from '../messages/messages.module';
import { ProcessDraftsService } from '../processes/process-drafts.service';
import { ProcessesRepository } from '../processes/processes.repository';
import { QueuesModule } from '../queues/queues.module';
import { ProcessInstaller } from './process-installer';
import { TemplateResources } from './template-resources';
import { TemplatesController } from './templates.controller';
import { TemplatesService } from './templates.service';

/*
 * ProcessesModule exports only ProcessesService; drafts and publishing are provided here again
 * (both are stateless) until it exports ProcessDraftsService too.
 */
@Module({
  imports: [CalendarsModule, QueuesModule, MessagesModule],
  controllers: [TemplatesController],
  providers: [ProcessesRepository, ProcessDraftsService, ProcessInstaller, TemplateResources, TemplatesService],
  exports: [TemplatesService],
})
export class TemplatesModule {}
