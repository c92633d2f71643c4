import { Module } from '@nestjs/common';
import { ProcessDraftsService } from './process-drafts.service';
import { ProcessesController } from './processes.controller';
import { ProcessesRepository } from './processes.repository';
import { ProcessesService } from './processes.service';

@Module({
  controllers: [ProcessesController],
  providers: [ProcessesRepository, ProcessesService, ProcessDraftsService],
  exports: [ProcessesService, ProcessDraftsService, ProcessesRepository],
})
export class ProcessesModule {}
