import { Module } from '@nestjs/common';
import { CalendarsModule } from '../calendars/calendars.module';
import { MessagesModule } from '../messages/messages.module';
import { ProcessesModule } from '../processes/processes.module';
import { QueuesModule } from '../queues/queues.module';
import { ProcessInstaller } from './process-installer';
import { TemplateResources } from './template-resources';
import { TemplatesController } from './templates.controller';
import { TemplatesService } from './templates.service';

@Module({
  imports: [CalendarsModule, QueuesModule, MessagesModule, ProcessesModule],
  controllers: [TemplatesController],
  providers: [ProcessInstaller, TemplateResources, TemplatesService],
  exports: [TemplatesService],
})
export class TemplatesModule {}
