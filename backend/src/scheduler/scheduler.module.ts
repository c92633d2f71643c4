import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { AbsencesModule } from '../absences/absences.module';
import { EscalationsModule } from '../escalations/escalations.module';
import { ExecutionsModule } from '../executions/executions.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ReportsModule } from '../reports/reports.module';
import { BreachSweep } from './breach-sweep';
import { LadderEscalator } from './ladder-escalator';
import { LadderSweep } from './ladder-sweep';
import { ReminderSweep } from './reminder-sweep';
import { RemindersRepository } from './reminders.repository';
import { SchedulerRepository } from './scheduler.repository';
import { SchedulerService } from './scheduler.service';
import { StageClocks } from './stage-clocks';
import { StallSweep } from './stall-sweep';
import { TimerSweep } from './timer-sweep';
import { VisitsRepository } from './visits.repository';

/** Due timers, SLA breaches, escalation ladders, stalled instances, absences beginning, reminders, digests, failed executions and report rollups (see SchedulerService). */
@Module({
  imports: [ScheduleModule.forRoot(), EscalationsModule, ExecutionsModule, NotificationsModule, AbsencesModule, ReportsModule],
  providers: [
    SchedulerRepository,
    VisitsRepository,
    StageClocks,
    TimerSweep,
    BreachSweep,
    LadderEscalator,
    LadderSweep,
    StallSweep,
    RemindersRepository,
    ReminderSweep,
    SchedulerService,
  ],
  exports: [TimerSweep, BreachSweep, LadderSweep, StallSweep, ReminderSweep],
})
export class SchedulerModule {}
