import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { InstancesModule } from '../instances/instances.module';
import { CaseFailures } from './case-failures.service';
import { ExecutionLinkInterceptor } from './execution-link.interceptor';
import { ExecutionSweep } from './execution-sweep';
import { ExecutionsController } from './executions.controller';
import { ExecutionsRepository } from './executions.repository';
import { ExecutionsService } from './executions.service';
import { ResumeRefusals } from './resume-refusals';

/**
 * A case and its n8n executions: links learnt from the nodes' calls (the interceptor), followed
 * through n8n's public API (the sweep, run by the scheduler), failures and refused resumes marked
 * on the case, and retry.
 */
@Module({
  imports: [InstancesModule],
  controllers: [ExecutionsController],
  providers: [
    ExecutionsRepository,
    ExecutionsService,
    CaseFailures,
    ExecutionSweep,
    ResumeRefusals,
    { provide: APP_INTERCEPTOR, useClass: ExecutionLinkInterceptor },
  ],
  exports: [ExecutionsService, ExecutionSweep],
})
export class ExecutionsModule {}
