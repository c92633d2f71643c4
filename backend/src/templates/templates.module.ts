import { Module } from '@nestjs/common';
import { CalendarsModule } from '../calendars/calendars.module';
import { EntityTypesModule } from '../entity-types/entity-types.module';
import { MessagesModule } from '../messages/messages.module';
import { ProcessesModule } from '../processes/processes.module';
import { QueuesModule } from '../queues/queues.module';
import { ProcessInstaller } from './process-installer';
import { RecordTypesInstaller } from './record-types-installer';
import { TemplateResources } from './template-resources';
import { TemplatesController } from './templates.controller';
import { TemplatesService } from './templates.service';

@Module({
  imports: [CalendarsModule, EntityTypesModule, QueuesModule, MessagesModule, ProcessesModule],
  controllers: [TemplatesController],
  providers: [ProcessInstaller, RecordTypesInstaller, TemplateResources, TemplatesService],
  exports: [TemplatesService],
})
export class TemplatesModule {}
