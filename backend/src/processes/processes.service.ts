import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { PageQueryDto } from '../common/paging';
import { Page, pageOf } from '../common/paging';
import { Database } from '../database/database';
import type { ProcessTable, StageDefinition } from '../database/tables';
import { ProcessArchivesRepository } from './process-archives.repository';
import { pickListed } from './process-listing';
import { ListProcessesQueryDto, ProcessResponse, toProcessResponse } from './processes.dto';
import { ProcessesRepository } from './processes.repository';

/** Reading process definitions; also what instances and tasks use to find the version they run on. */
@Injectable()
export class ProcessesService {
  constructor(
    private readonly db: Database,
    private readonly repository: ProcessesRepository,
    private readonly archives: ProcessArchivesRepository,
  ) {}

  async list(query: ListProcessesQueryDto): Promise<Page<ProcessResponse>> {
    // Definitions number in the tens, and entityTypes is JSON, so the picking happens here.
    const [heads, archived] = await this.db.read(() => Promise.all([this.repository.findHeads(), this.archives.all()]));
    const listed = pickListed(heads, { status: query.status, entityType: query.entityType }).filter(
      (row) => query.archived === true || !archived.has(row.key),
    );
    const offset = query.offset ?? 0;
    const items = listed.slice(offset, offset + (query.limit ?? 50)).map((row) => toProcessResponse(row, archived.get(row.key) ?? null));
    return pageOf(items, listed.length, query);
  }

  /** The latest published version, or the draft while none was published. */
  async get(key: string): Promise<ProcessResponse> {
    const [row, archivedAt] = await this.db.read(async () => [
      (await this.repository.findLatestPublished(key)) ?? (await this.repository.findDraft(key)),
      await this.archives.archivedAt(key),
    ]);
    if (!row) throw processNotFound(key);
    return toProcessResponse(row, archivedAt);
  }

  async listVersions(key: string, query: PageQueryDto): Promise<Page<ProcessResponse>> {
    const [[rows, total], archivedAt] = await this.db.read(() =>
      Promise.all([this.repository.listVersions(key, query.limit ?? 50, query.offset ?? 0), this.archives.archivedAt(key)]),
    );
    if (total === 0) throw processNotFound(key);
    return pageOf(rows.map((row) => toProcessResponse(row, archivedAt)), total, query);
  }

  async getVersionOf(key: string, version: number): Promise<ProcessResponse> {
    const [row, archivedAt] = await this.db.read(() => Promise.all([this.repository.findVersion(key, version), this.archives.archivedAt(key)]));
    if (!row) throw new NotFoundException(`Process "${key}" has no version ${version}.`);
    return toProcessResponse(row, archivedAt);
  }

  /** The version a new instance starts on. Plain repository calls: runs inside the caller's transaction. */
  async getPublished(key: string): Promise<ProcessTable> {
    const row = await this.repository.findLatestPublished(key);
    if (row) return row;
    if (!(await this.repository.keyExists(key))) throw processNotFound(key);
    throw new ConflictException(`Process "${key}" has no published version yet; publish it before launching.`);
  }

  /**
   * Refuses a new case of an archived process. Launches call it after a repeated launch has found its
   * case, so a retried webhook still gets its case back; running cases are never affected.
   */
  async assertLaunchable(key: string): Promise<void> {
    if ((await this.archives.archivedAt(key)) === null) return;
    throw new ConflictException(
      `Process "${key}" is archived and starts no new cases (its running cases carry on). Unarchive it with POST /processes/${key}/unarchive.`,
    );
  }

  /** A version by row id, as instances reference it. */
  async getVersion(id: string): Promise<ProcessTable> {
    const row = await this.repository.findById(id);
    if (!row) throw new NotFoundException(`Process version "${id}" not found.`);
    return row;
  }

  findStage(process: ProcessTable, stageKey: string): StageDefinition {
    const stage = process.stages.find((candidate) => candidate.key === stageKey);
    if (stage) return stage;
    const message = `process "${process.key}" v${process.version} has no stage "${stageKey}"; it has: ${process.stages.map((s) => s.key).join(', ')}`;
    throw new BadRequestException({
      error: 'Bad Request',
      message: `stageKey: ${message}`,
      details: [{ field: 'stageKey', messages: [message] }],
    });
  }
}

export const processNotFound = (key: string): NotFoundException => new NotFoundException(`Process "${key}" not found.`);
