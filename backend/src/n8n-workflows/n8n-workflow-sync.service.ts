import { ConflictException, Inject, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { Clock } from '../common/clock';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { Database } from '../database/database';
import type { N8nWorkflowLinkTable, ProcessTable } from '../database/tables';
import { EventsService } from '../events/events.service';
import { ProcessesRepository } from '../processes/processes.repository';
import { processNotFound } from '../processes/processes.service';
import { FlowNotGeneratableError, generateWorkflow, webhookPathOf } from './generate-workflow';
import { editorUrlOf, requireN8n, rethrowN8n } from './n8n-connection';
import { N8nWorkflowLinksRepository } from './n8n-workflow-links.repository';
import type { GenerateWorkflowQueryDto, GenerateWorkflowResponse, N8nWorkflowLinkResponse } from './n8n-workflows.dto';
import { mergeWorkflow, recordsOf } from './sync-plan';
import type { DesignedProcess } from './workflow-model';

/** Generates a process's designed flow into its n8n workflow (created once, then updated in place) and remembers the link. */
@Injectable()
export class N8nWorkflowSyncService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: Database,
    private readonly processes: ProcessesRepository,
    private readonly links: N8nWorkflowLinksRepository,
    private readonly events: EventsService,
    private readonly clock: Clock,
  ) {}

  async getLink(processKey: string): Promise<N8nWorkflowLinkResponse> {
    const { n8n } = requireN8n(this.config);
    const link = await this.db.read(() => this.links.find(processKey));
    if (!link) throw new NotFoundException(`Process "${processKey}" has no generated n8n workflow yet; POST /processes/${processKey}/n8n-workflow makes one.`);
    return toLinkResponse(link, editorUrlOf(n8n, link.workflowId));
  }

  async generate(actor: Actor, processKey: string, query: GenerateWorkflowQueryDto): Promise<GenerateWorkflowResponse> {
    const { n8n, client } = requireN8n(this.config, true);
    const process = await this.db.read(() => this.versionToGenerate(processKey, query.version));
    const generated = this.generateFrom(process, n8n.credentialId!);
    const link = await this.db.read(() => this.links.find(processKey));
    const current = link ? await client.getWorkflow(link.workflowId).catch(rethrowN8n) : null;
    const { plan, workflow, owned } = mergeWorkflow(generated, current, current ? link!.generatedNodes : []);
    const webhookUrl = client.productionWebhookUrl(webhookPathOf(processKey));
    const answer = (workflowId: string | null, dryRun: boolean): GenerateWorkflowResponse => ({
      workflowId,
      editorUrl: workflowId ? editorUrlOf(n8n, workflowId) : null,
      webhookUrl,
      dryRun,
      plan,
    });
    if (query.dryRun) return answer(plan.workflowId, true);
    if (plan.overwrite.length > 0 && !query.confirm) {
      const nodes = plan.overwrite.map((entry) => `"${entry.node}" (${entry.parameters.join(', ')})`).join(', ');
      throw new ConflictException({
        statusCode: 409,
        error: 'Conflict',
        message: `Generating would overwrite changes made by hand in n8n to ${nodes}; send ?confirm=true to overwrite them.`,
        plan,
      });
    }
    const saved = await (current ? client.updateWorkflow(current.id, workflow) : client.createWorkflow(workflow)).catch(rethrowN8n);
    const now = this.clock.now();
    // Remembered before activating: a refused activation must not make the next attempt create a second workflow.
    await this.db.transaction(async () => {
      await this.links.save({
        processKey,
        workflowId: saved.id,
        webhookUrl,
        processVersion: process.version,
        generatedNodes: recordsOf(owned, saved),
        createdAt: link?.createdAt ?? now,
        updatedAt: now,
      });
      await this.events.record(actor, 'process.n8n-workflow.generated', {}, { key: processKey, version: process.version, workflowId: saved.id, created: plan.create });
    });
    await client.activateWorkflow(saved.id).catch(rethrowN8n);
    return answer(saved.id, false);
  }

  private async versionToGenerate(key: string, version: number | undefined): Promise<ProcessTable> {
    if (version === undefined) {
      const latest = await this.processes.findLatestPublished(key);
      if (latest) return latest;
      if (!(await this.processes.keyExists(key))) throw processNotFound(key);
      throw new ConflictException(`Process "${key}" has no published version yet; publish it before generating its n8n workflow.`);
    }
    const row = await this.processes.findVersion(key, version);
    if (!row) throw (await this.processes.keyExists(key)) ? new NotFoundException(`Process "${key}" has no version ${version}.`) : processNotFound(key);
    if (row.status !== 'published') throw new ConflictException(`Process "${key}" v${version} is a draft; publish it before generating its n8n workflow.`);
    return row;
  }

  private generateFrom(process: ProcessTable, credentialId: string) {
    if (!process.flow) {
      throw new UnprocessableEntityException(`Process "${process.key}" v${process.version} has no designed flow; design its steps before generating an n8n workflow.`);
    }
    try {
      return generateWorkflow(designedProcessOf(process, process.flow), { credentialId });
    } catch (error) {
      if (error instanceof FlowNotGeneratableError) throw new UnprocessableEntityException(`Process "${process.key}" v${process.version}: ${error.message}`);
      throw error;
    }
  }
}

function designedProcessOf(process: ProcessTable, flow: DesignedProcess['flow']): DesignedProcess {
  const { key, version, name, entityTypes, stages, decisions, intake } = process;
  return { key, version, name, entityTypes, stages, decisions, intake, flow };
}

function toLinkResponse(link: N8nWorkflowLinkTable, editorUrl: string): N8nWorkflowLinkResponse {
  return {
    processKey: link.processKey,
    processVersion: link.processVersion,
    workflowId: link.workflowId,
    editorUrl,
    webhookUrl: link.webhookUrl,
    updatedAt: new Date(link.updatedAt).toISOString(),
  };
}
