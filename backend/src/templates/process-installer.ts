import { Injectable } from '@nestjs/common';
import { isDeepStrictEqual } from 'node:util';
import type { Actor } from '../auth/actor';
import { Database } from '../database/database';
import type { ProcessTable } from '../database/tables';
import { definitionProblems } from '../processes/definition-problems';
import { checkFlow } from '../processes/flow-check';
import type { ProcessFlow } from '../processes/process-flow';
import { applyEdit, DEFINITION_FIELDS, EMPTY_DEFINITION, referencedNames, type ProcessDefinition } from '../processes/process-definition';
import { ProcessDraftsService } from '../processes/process-drafts.service';
import { CreateProcessDto } from '../processes/processes.dto';
import { ProcessesRepository } from '../processes/processes.repository';
import type { InstallItem } from './templates.dto';
import { valid } from './template-resources';

/**
 * Published versions are immutable and instances keep the version they started on, so a changed
 * definition becomes a new draft that is published at once; an unchanged one is left alone. A flow
 * drawn in the designer is kept when the template's file has none, as long as it still fits the
 * template's stages and decisions; otherwise it is dropped and the item says why.
 */
@Injectable()
export class ProcessInstaller {
  constructor(
    private readonly db: Database,
    private readonly repository: ProcessesRepository,
    private readonly drafts: ProcessDraftsService,
  ) {}

  async isPublished(key: string): Promise<boolean> {
    return (await this.db.read(() => this.repository.findLatestPublished(key))) !== null;
  }

  /** `launchWebhookUrl` undefined keeps whatever the installed process has (an admin may have set it). */
  async upsert(actor: Actor, file: Record<string, unknown>, launchWebhookUrl: string | undefined, where: string): Promise<InstallItem> {
    const dto = await valid(CreateProcessDto, file, where);
    const { draft, published } = await this.db.read(async () => ({
      draft: await this.repository.findDraft(dto.key),
      published: await this.repository.findLatestPublished(dto.key),
    }));
    const current = draft ?? published;
    const wanted = applyEdit(EMPTY_DEFINITION, {
      ...dto,
      description: dto.description ?? '',
      decisions: dto.decisions ?? [],
      calendarKey: dto.calendarKey ?? null,
      launchWebhookUrl: launchWebhookUrl ?? current?.launchWebhookUrl ?? null,
    });
    let note: string | undefined;
    if (dto.flow === undefined && current?.flow) {
      const misfits = await this.misfits(current.flow, wanted);
      if (misfits.length === 0) wanted.flow = current.flow;
      else note = `The designed flow was dropped: it no longer fits the template's definition. ${misfits.join(' ')}`;
    }
    if (!current) {
      await this.drafts.create(actor, { key: dto.key, ...wanted });
      const done = await this.drafts.publish(actor, dto.key);
      return { key: dto.key, change: 'created', version: done.version };
    }
    if (!draft && published && sameDefinition(published, wanted)) {
      return { key: dto.key, change: 'unchanged', version: published.version };
    }
    if (!draft) await this.drafts.createDraft(actor, dto.key);
    await this.drafts.updateDraft(actor, dto.key, wanted);
    const done = await this.drafts.publish(actor, dto.key);
    return { key: dto.key, change: 'updated', version: done.version, ...(note ? { note } : {}) };
  }

  /** Why `flow` cannot go with `definition` (what saving or publishing it would refuse), or nothing. */
  private async misfits(flow: ProcessFlow, definition: ProcessDefinition): Promise<string[]> {
    const candidate = { ...definition, flow };
    const refs = await this.db.read(() => this.repository.existingReferences(referencedNames(candidate)));
    const saving = definitionProblems(candidate, refs).filter((problem) => problem.field?.startsWith('flow'));
    const publishing = checkFlow(flow, candidate).filter((problem) => problem.severity === 'error');
    return [...saving, ...publishing].map((problem) => (problem.field ? `${problem.field}: ${problem.message}` : problem.message));
  }
}

function sameDefinition(row: ProcessTable, wanted: ProcessDefinition): boolean {
  return DEFINITION_FIELDS.every((field) => isDeepStrictEqual(row[field], wanted[field]));
}
