import { Module } from '@nestjs/common';
import { InstancesModule } from '../instances/instances.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ActivitiesController } from './activities.controller';
import { ActivitiesRepository } from './activities.repository';
import { ActivitiesService } from './activities.service';

/** People's own follow-ups, to-dos and events on cases. */
@Module({
  imports: [InstancesModule, NotificationsModule],
  controllers: [ActivitiesController],
  providers: [ActivitiesRepository, ActivitiesService],
  exports: [ActivitiesService, ActivitiesRepository],
})
export class ActivitiesModule {}
