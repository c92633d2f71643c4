import { Logger, Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { InstancesModule } from '../instances/instances.module';
import { ProcessesModule } from '../processes/processes.module';
import { QueuesModule } from '../queues/queues.module';
import { TasksModule } from '../tasks/tasks.module';
import { EmailDecisionLinksModule } from './email-decision-links.module';
import { EmailDecisionsService } from './email-decisions.service';
import { serveEmailDecisions } from './email-decisions.routes';

/** The pages behind the decision links in notification emails (GET shows, POST decides). */
@Module({
  imports: [EmailDecisionLinksModule, TasksModule, InstancesModule, ProcessesModule, QueuesModule],
  providers: [EmailDecisionsService],
  exports: [EmailDecisionLinksModule],
})
export class EmailDecisionsModule implements OnModuleInit {
  private readonly logger = new Logger('EmailDecisions');

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly service: EmailDecisionsService,
  ) {}

  async onModuleInit(): Promise<void> {
    // The CLI boots the application without HTTP: nothing to serve then.
    const adapter = this.adapterHost.httpAdapter;
    if (!adapter) return;
    await serveEmailDecisions(adapter.getInstance<FastifyInstance>(), this.service, this.logger);
  }
}
