import { Module } from '@nestjs/common';
import { EntitiesModule } from '../entities/entities.module';
import { ProcessesModule } from '../processes/processes.module';
import { QueuesModule } from '../queues/queues.module';
import { TimersModule } from '../timers/timers.module';
import { InstanceDetailService } from './instance-detail.service';
import { InstancesController } from './instances.controller';
import { InstancesRepository } from './instances.repository';
import { InstancesService } from './instances.service';
import { StagesService } from './stages.service';

@Module({
  imports: [EntitiesModule, ProcessesModule, QueuesModule, TimersModule],
  controllers: [InstancesController],
  providers: [InstancesRepository, InstancesService, StagesService, InstanceDetailService],
  exports: [InstancesService, StagesService],
})
export class InstancesModule {}
