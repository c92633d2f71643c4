import { BadGatewayException, BadRequestException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { APP_CONFIG, AppConfig } from '../config/config';
import { EventsService } from '../events/events.service';
import { Database } from '../database/database';
import { N8nApiError, N8nClient } from './n8n-client';
import { ProcessInstaller } from './process-installer';
import { RecordTypesInstaller } from './record-types-installer';
import { listTemplateNames, readTemplate, TemplateFileError, type TemplateFiles } from './template-files';
import { TemplateResources } from './template-resources';
import type { InstallItem, InstallResultResponse, TemplateResponse } from './templates.dto';
import { installWorkflows } from './workflow-installer';

/** The bundled templates (CASEFLOW_TEMPLATES_DIR) and installing them, idempotently. */
@Injectable()
export class TemplatesService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: Database,
    private readonly resources: TemplateResources,
    private readonly processes: ProcessInstaller,
    private readonly events: EventsService,
    private readonly recordTypes: RecordTypesInstaller,
  ) {}

  async list(): Promise<TemplateResponse[]> {
    const names = await listTemplateNames(this.config.templatesDir);
    return Promise.all(names.map(async (name) => this.toResponse(await this.load(name))));
  }

  async names(): Promise<string[]> {
    return listTemplateNames(this.config.templatesDir);
  }

  /**
   * Order matters: calendars before the queues that use them, queues and message templates before
   * the processes that name them, n8n workflows before the processes so their webhook URL is known.
   */
  async install(actor: Actor, name: string): Promise<InstallResultResponse> {
    const template = await this.load(name);
    const n8n = this.config.n8n;
    if (n8n && !n8n.credentialId) {
      throw new BadRequestException('N8N_URL is set but CASEFLOW_N8N_CREDENTIAL_ID is not: say which n8n credential the Caseflow nodes use.');
    }
    const calendars: InstallItem[] = [];
    const queues: InstallItem[] = [];
    for (const process of template.processes) {
      calendars.push(...(await this.resources.upsertCalendars(actor, process.calendars, `${name}/${process.file} calendars`)));
    }
    for (const process of template.processes) {
      queues.push(...(await this.resources.upsertQueues(actor, process.queues, `${name}/${process.file} queues`)));
    }
    const recordTypes: InstallItem[] = [];
    for (const process of template.processes) {
      recordTypes.push(...(await this.recordTypes.upsert(actor, process.recordTypes, `${name}/${process.file} recordTypes`)));
    }
    const messageTemplates = await this.resources.upsertMessages(actor, template.messages, `${name}/messages.json`);
    const client = n8n ? new N8nClient(n8n) : null;
    const workflows = client ? await installWorkflows(client, template.workflows, n8n!.credentialId!).catch(rethrowN8n) : [];
    const processes: InstallItem[] = [];
    for (const process of template.processes) {
      const url = client && process.launchWebhookPath ? client.productionWebhookUrl(process.launchWebhookPath) : undefined;
      processes.push(await this.processes.upsert(actor, process.definition, url, `${name}/${process.file}`));
    }
    const result: InstallResultResponse = {
      name,
      recordTypes: dedupe(recordTypes),
      calendars: dedupe(calendars),
      queues: dedupe(queues),
      messageTemplates,
      processes,
      workflows,
      n8n: client ? 'installed' : 'not configured',
    };
    await this.db.transaction(() => this.events.record(actor, 'template.installed', {}, { name, processes: processes.map((p) => `${p.key}@${p.version}`) }));
    return result;
  }

  private async load(name: string): Promise<TemplateFiles> {
    if (!(await listTemplateNames(this.config.templatesDir)).includes(name)) {
      throw new NotFoundException(`There is no template "${name}" in ${this.config.templatesDir}.`);
    }
    try {
      return await readTemplate(this.config.templatesDir, name);
    } catch (error) {
      if (error instanceof TemplateFileError) throw new BadRequestException(`Template "${name}": ${error.message}`);
      throw error;
    }
  }

  private async toResponse(template: TemplateFiles): Promise<TemplateResponse> {
    const keys = (list: Record<string, unknown>[]) => list.map((item) => String(item.key));
    const processKeys = template.processes.map((p) => String(p.definition.key));
    const published = await Promise.all(processKeys.map((key) => this.processes.isPublished(key)));
    return {
      name: template.name,
      title: template.title,
      description: template.description,
      installs: {
        processes: processKeys,
        queues: [...new Set(template.processes.flatMap((p) => keys(p.queues)))],
        calendars: [...new Set(template.processes.flatMap((p) => keys(p.calendars)))],
        messageTemplates: template.messages.map((m) => m.key),
        workflows: template.workflows.map((w) => w.workflow.name),
      },
      installed: published.every(Boolean),
      processes: template.processes.map(({ definition }) => ({
        key: String(definition.key),
        name: String(definition.name ?? definition.key),
        entityTypes: definition.entityTypes ?? [],
        stages: definition.stages ?? [],
        decisions: definition.decisions ?? [],
        intake: definition.intake ?? [],
        calendarKey: typeof definition.calendarKey === 'string' ? definition.calendarKey : null,
      })),
    };
  }
}

/** n8n refusing or unreachable is a failure of an upstream service, not of this one. */
function rethrowN8n(error: unknown): never {
  throw error instanceof N8nApiError ? new BadGatewayException(error.message) : error;
}

/** Two processes of one template may share a queue or calendar: report each once, with its first change. */
function dedupe(items: InstallItem[]): InstallItem[] {
  const seen = new Map<string, InstallItem>();
  for (const item of items) if (!seen.has(item.key)) seen.set(item.key, item);
  return [...seen.values()];
}
