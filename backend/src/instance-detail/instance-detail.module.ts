import { Module } from '@nestjs/common';
import { ActivitiesModule } from '../activities/activities.module';
import { DocumentsModule } from '../documents/documents.module';
import { ExecutionsModule } from '../executions/executions.module';
import { InstancesModule } from '../instances/instances.module';
import { TasksModule } from '../tasks/tasks.module';
import { InstanceDetailController } from './instance-detail.controller';
import { InstanceDetailService } from './instance-detail.service';

/** Its own module: the case view reads tasks too, and the tasks module already builds on instances. */
@Module({
  imports: [ActivitiesModule, DocumentsModule, InstancesModule, TasksModule, ExecutionsModule],
  controllers: [InstanceDetailController],
  providers: [InstanceDetailService],
})
export class InstanceDetailModule {}
