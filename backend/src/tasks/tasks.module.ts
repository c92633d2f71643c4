import { Module } from '@nestjs/common';
import { AbsenceCoverModule } from '../absences/absence-cover.module';
import { InstancesModule } from '../instances/instances.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ProcessesModule } from '../processes/processes.module';
import { QueuesModule } from '../queues/queues.module';
import { TaskActionsService } from './task-actions.service';
import { TasksController } from './tasks.controller';
import { TasksRepository } from './tasks.repository';
import { TasksService } from './tasks.service';

@Module({
  imports: [InstancesModule, NotificationsModule, ProcessesModule, QueuesModule, AbsenceCoverModule],
  controllers: [TasksController],
  providers: [TasksRepository, TasksService, TaskActionsService],
  exports: [TasksService, TaskActionsService],
})
export class TasksModule {}
