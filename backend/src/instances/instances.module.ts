import { Module } from '@nestjs/common';
import { CalendarsModule } from '../calendars/calendars.module';
import { DocumentsModule } from '../documents/documents.module';
import { EntitiesModule } from '../entities/entities.module';
import { N8nWorkflowLinksModule } from '../n8n-workflows/n8n-workflow-links.module';
import { ProcessesModule } from '../processes/processes.module';
import { QueuesModule } from '../queues/queues.module';
import { TimersModule } from '../timers/timers.module';
import { InstancesController } from './instances.controller';
import { InstancesRepository } from './instances.repository';
import { InstancesService } from './instances.service';
import { SlaController } from './sla.controller';
import { SlaRepository } from './sla.repository';
import { SlaService } from './sla.service';
import { StagesService } from './stages.service';

@Module({
  imports: [DocumentsModule, EntitiesModule, ProcessesModule, QueuesModule, TimersModule, CalendarsModule, N8nWorkflowLinksModule],
  controllers: [InstancesController, SlaController],
  providers: [InstancesRepository, InstancesService, StagesService, SlaRepository, SlaService],
  exports: [InstancesService, StagesService, SlaService, InstancesRepository],
})
export class InstancesModule {}
