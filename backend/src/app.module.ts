import { DynamicModule, Global, Module, Provider } from '@nestjs/common';
import { AuthModule } from './auth/auth.module';
import { Clock, SystemClock } from './common/clock';
import { APP_CONFIG, AppConfig } from './config/config';
import { DatabaseModule } from './database/database.module';
import { EventsModule } from './events/events.module';
import { HealthModule } from './health/health.module';
import { UsersModule } from './users/users.module';
import { QueuesModule } from './queues/queues.module';
import { CalendarsModule } from './calendars/calendars.module';
import { ApiKeysModule } from './api-keys/api-keys.module';
import { EntitiesModule } from './entities/entities.module';
import { EntityTypesModule } from './entity-types/entity-types.module';
import { ProcessesModule } from './processes/processes.module';
import { InstancesModule } from './instances/instances.module';
import { InstanceDetailModule } from './instance-detail/instance-detail.module';
import { ExecutionsModule } from './executions/executions.module';
import { TasksModule } from './tasks/tasks.module';
import { MessagesModule } from './messages/messages.module';
import { EscalationsModule } from './escalations/escalations.module';
import { TimersModule } from './timers/timers.module';
import { WebhooksModule } from './webhooks/webhooks.module';
import { ReportsModule } from './reports/reports.module';
import { LiveMapModule } from './live-map/live-map.module';
import { OutboxModule } from './outbox/outbox.module';
import { WaitsModule } from './waits/waits.module';
import { SchedulerModule } from './scheduler/scheduler.module';
import { UiModule } from './ui/ui.module';
import { TemplatesModule } from './templates/templates.module';
import { N8nWorkflowsModule } from './n8n-workflows/n8n-workflows.module';
import { DocumentsModule } from './documents/documents.module';
import { EmailDecisionsModule } from './email-decisions/email-decisions.module';
import { NotificationsModule } from './notifications/notifications.module';
import { ActivitiesModule } from './activities/activities.module';
import { AbsencesModule } from './absences/absences.module';
import { AgendaModule } from './agenda/agenda.module';

export interface AppOptions {
  clock?: Clock;
}

@Global()
@Module({})
class CoreModule {
  static register(config: AppConfig, options: AppOptions): DynamicModule {
    const providers: Provider[] = [
      { provide: APP_CONFIG, useValue: config },
      { provide: Clock, useValue: options.clock ?? new SystemClock() },
    ];
    return { module: CoreModule, providers, exports: providers };
  }
}

@Module({})
export class AppModule {
  static register(config: AppConfig, options: AppOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.register(config, options),
        DatabaseModule,
        EventsModule,
        AuthModule,
        HealthModule,
        UsersModule,
        QueuesModule,
        CalendarsModule,
        ApiKeysModule,
        EntitiesModule,
        EntityTypesModule,
        ProcessesModule,
        InstancesModule,
        ExecutionsModule,
        InstanceDetailModule,
        TasksModule,
        MessagesModule,
        EscalationsModule,
        TimersModule,
        WebhooksModule,
        ReportsModule,
        LiveMapModule,
        OutboxModule,
        WaitsModule,
        SchedulerModule,
        UiModule,
        TemplatesModule,
        N8nWorkflowsModule,
        DocumentsModule,
        EmailDecisionsModule,
        NotificationsModule,
        ActivitiesModule,
        AbsencesModule,
        AgendaModule,
      ],
    };
  }
}
