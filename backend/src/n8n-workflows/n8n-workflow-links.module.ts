import { Module } from '@nestjs/common';
import { N8nWorkflowLinksRepository } from './n8n-workflow-links.repository';

/** The link table alone, so instances can find a process's generated webhook without the whole n8n module. */
@Module({
  providers: [N8nWorkflowLinksRepository],
  exports: [N8nWorkflowLinksRepository],
})
export class N8nWorkflowLinksModule {}
