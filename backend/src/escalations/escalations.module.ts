import { Module } from '@nestjs/common';
import { AbsenceCoverModule } from '../absences/absence-cover.module';
import { MessagesModule } from '../messages/messages.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { EscalationsController } from './escalations.controller';
import { EscalationsRepository } from './escalations.repository';
import { EscalationsService } from './escalations.service';

@Module({
  imports: [MessagesModule, NotificationsModule, AbsenceCoverModule],
  controllers: [EscalationsController],
  providers: [EscalationsRepository, EscalationsService],
  exports: [EscalationsService],
})
export class EscalationsModule {}
