import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { AbsenceCoverModule } from './absence-cover.module';
import { AbsenceHandOver } from './absence-hand-over';
import { AbsenceStartSweep } from './absence-start-sweep';
import { AbsencesController } from './absences.controller';
import { AbsencesRepository } from './absences.repository';
import { AbsencesService } from './absences.service';
import { PeopleController } from './people.controller';

/** People away and who covers them; the directory of colleagues. */
@Module({
  imports: [NotificationsModule, AbsenceCoverModule],
  controllers: [AbsencesController, PeopleController],
  providers: [AbsencesRepository, AbsencesService, AbsenceHandOver, AbsenceStartSweep],
  exports: [AbsenceStartSweep],
})
export class AbsencesModule {}
