import { Module } from '@nestjs/common';
import { ProcessesModule } from '../processes/processes.module';
import { N8nWorkflowLinksModule } from './n8n-workflow-links.module';
import { N8nWorkflowSyncController } from './n8n-workflow-sync.controller';
import { N8nWorkflowSyncService } from './n8n-workflow-sync.service';
import { ProcessMapsController } from './process-maps.controller';
import { ProcessMapsService } from './process-maps.service';

/** From a designed flow to an n8n workflow and back (docs/designer.md, "From design to n8n and back"). */
@Module({
  imports: [ProcessesModule, N8nWorkflowLinksModule],
  controllers: [N8nWorkflowSyncController, ProcessMapsController],
  providers: [N8nWorkflowSyncService, ProcessMapsService],
})
export class N8nWorkflowsModule {}
