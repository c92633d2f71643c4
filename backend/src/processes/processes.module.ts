import { Module } from '@nestjs/common';
import { ProcessArchiveService } from './process-archive.service';
import { ProcessArchivesRepository } from './process-archives.repository';
import { ProcessCheckService } from './process-check.service';
import { ProcessDraftsService } from './process-drafts.service';
import { ProcessesController } from './processes.controller';
import { ProcessesRepository } from './processes.repository';
import { ProcessesService } from './processes.service';

@Module({
  controllers: [ProcessesController],
  providers: [ProcessesRepository, ProcessArchivesRepository, ProcessesService, ProcessDraftsService, ProcessCheckService, ProcessArchiveService],
  exports: [ProcessesService, ProcessDraftsService, ProcessesRepository, ProcessArchiveService],
})
export class ProcessesModule {}
