import { Module } from '@nestjs/common';
import { CalendarsModule } from '../calendars/calendars.module';
import { QueuesController } from './queues.controller';
import { QueuesRepository } from './queues.repository';
import { QueuesService } from './queues.service';

@Module({
  imports: [CalendarsModule],
  controllers: [QueuesController],
  providers: [QueuesRepository, QueuesService],
  exports: [QueuesService],
})
export class QueuesModule {}
