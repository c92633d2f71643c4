import { Module } from '@nestjs/common';
import { AbsenceCoverModule } from '../absences/absence-cover.module';
import { EmailDecisionLinksModule } from '../email-decisions/email-decision-links.module';
import { MessagesModule } from '../messages/messages.module';
import { DigestSweep } from './digest-sweep';
import { NotificationPreferencesController } from './notification-preferences.controller';
import { NotificationPreferencesService } from './notification-preferences.service';
import { NotificationsRepository } from './notifications.repository';
import { NotificationFanOut } from './notification-fan-out';
import { Notifier } from './notifier.service';

/** Emails about work (new tasks, assignments, reminders, stalls), each, as a daily digest, or not at all. */
@Module({
  imports: [MessagesModule, EmailDecisionLinksModule, AbsenceCoverModule],
  controllers: [NotificationPreferencesController],
  providers: [NotificationsRepository, Notifier, NotificationFanOut, DigestSweep, NotificationPreferencesService],
  exports: [Notifier, NotificationFanOut, DigestSweep],
})
export class NotificationsModule {}
