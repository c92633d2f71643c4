import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { Database } from '../database/database';
import { CalendarTable, EntityTypeTable, MessageTemplateTable, ProcessTable, QueueTable, UserTable } from '../database/tables';
import { deepFreeze } from '../common/freeze';
import type { DefinitionReferences } from './process-definition';

type ProcessPatch = Partial<Omit<ProcessTable, 'id' | 'key' | 'version' | 'createdAt'>>;

/** Published versions kept in memory; they are few (tens), the bound only guards against surprises. */
const MAX_CACHED_VERSIONS = 1000;

@Injectable()
export class ProcessesRepository {
  /**
   * Published versions by row id. A version never changes once published (drafts are edited
   * and then published once; the next edit is a new draft row), so a published row read once
   * is good for the life of the process, on every replica. Every launch and decision needs
   * its version, whose stages and decisions are JSON to parse; the cached rows are frozen so
   * that no caller can change what the next one reads.
   */
  private readonly published = new Map<string, Readonly<ProcessTable>>();

  constructor(private readonly db: Database) {}

  async findById(id: string): Promise<ProcessTable | null> {
    const cached = this.published.get(id);
    if (cached) return cached;
    const row = await this.db.findOneBy(ProcessTable, { id });
    return row?.status === 'published' ? this.remember(row) : row;
  }

  findVersion(key: string, version: number): Promise<ProcessTable | null> {
    return this.db.manager.findOneBy(ProcessTable, { key, version });
  }

  findDraft(key: string): Promise<ProcessTable | null> {
    return this.db.manager.findOneBy(ProcessTable, { key, status: 'draft' });
  }

  async findLatestPublished(key: string): Promise<ProcessTable | null> {
    const latest = await this.db.findOneBy(ProcessTable, { key, status: 'published' }, { version: 'DESC' }, ['id']);
    return latest ? this.findById(latest.id) : null;
  }

  private remember(row: ProcessTable): ProcessTable {
    if (this.published.size >= MAX_CACHED_VERSIONS) this.published.clear();
    this.published.set(row.id, deepFreeze(row));
    return row;
  }

  async keyExists(key: string): Promise<boolean> {
    return (await this.db.count(ProcessTable, { key })) > 0;
  }

  async maxVersion(key: string): Promise<number> {
    return (await this.db.manager.maximum(ProcessTable, 'version', { key })) ?? 0;
  }

  listVersions(key: string, limit: number, offset: number): Promise<[ProcessTable[], number]> {
    return this.db.manager.findAndCount(ProcessTable, { where: { key }, order: { version: 'DESC' }, take: limit, skip: offset });
  }

  /** Query builder for the correlated subquery: every draft plus each key's latest published version. */
  findHeads(): Promise<ProcessTable[]> {
    return this.db.manager
      .createQueryBuilder(ProcessTable, 'p')
      .where('p.status = :draft', { draft: 'draft' })
      .orWhere((query) => {
        const latest = query
          .subQuery()
          .select('MAX(q.version)')
          .from(ProcessTable, 'q')
          .where('q.key = p.key')
          .andWhere('q.status = :published', { published: 'published' })
          .getQuery();
        return `p.version = ${latest}`;
      })
      .orderBy('p.key', 'ASC')
      .addOrderBy('p.version', 'ASC')
      .getMany();
  }

  /**
   * A copy goes to TypeORM: on PostgreSQL it merges the RETURNING values of columns with a
   * database default (intake) back into the row it was given, as raw JSON text.
   */
  async insert(row: ProcessTable): Promise<void> {
    await this.db.insert(ProcessTable, { ...row });
  }

  /** Changes a version only while it is still the draft; 0 means it was published meanwhile. */
  async updateDraft(id: string, patch: ProcessPatch): Promise<number> {
    const result = await this.db.manager.update(ProcessTable, { id, status: 'draft' }, patch as QueryDeepPartialEntity<ProcessTable>);
    return result.affected ?? 0;
  }

  async existingReferences(names: Record<keyof DefinitionReferences, string[]>): Promise<DefinitionReferences> {
    const manager = this.db.manager;
    const [queues, calendars, entityTypes, users, templates] = await Promise.all([
      names.queues.length ? manager.find(QueueTable, { select: { key: true }, where: { key: In(names.queues) } }) : [],
      names.calendars.length ? manager.find(CalendarTable, { select: { key: true }, where: { key: In(names.calendars) } }) : [],
      names.entityTypes.length ? manager.find(EntityTypeTable, { select: { key: true }, where: { key: In(names.entityTypes) } }) : [],
      names.users.length
        ? manager.find(UserTable, {
            select: { id: true, email: true },
            where: [{ id: In(names.users) }, { email: In(names.users.map((name) => name.toLowerCase())) }],
          })
        : [],
      names.templates.length ? manager.find(MessageTemplateTable, { select: { key: true }, where: { key: In(names.templates) } }) : [],
    ]);
    return {
      queues: new Set(queues.map((row) => row.key)),
      calendars: new Set(calendars.map((row) => row.key)),
      entityTypes: new Set(entityTypes.map((row) => row.key)),
      users: new Set(users.flatMap((row) => [row.id, row.email])),
      templates: new Set(templates.map((row) => row.key)),
    };
  }
}
