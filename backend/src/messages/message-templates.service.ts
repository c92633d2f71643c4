import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import { Page, PageQueryDto, pageOf } from '../common/paging';
import { Database } from '../database/database';
import { isUniqueViolation } from '../database/errors';
import { MessageTemplateTable } from '../database/tables';
import { EventsService } from '../events/events.service';
import { checkDocuments } from './message-documents';
import { CreateMessageTemplateDto, MessageTemplateResponse, toMessageTemplateResponse } from './message-templates.dto';
import { MessageTemplatesRepository } from './message-templates.repository';
import { MessageRenderer, TemplateSource } from './renderer';

export const templateSource = (row: MessageTemplateTable): TemplateSource => ({
  subject: row.subject,
  html: row.html,
  text: row.text,
  // The row id, not just key and version: a deleted key can start again at version 1.
  cacheKey: `${row.key}@${row.version}#${row.id}`,
});

@Injectable()
export class MessageTemplatesService {
  constructor(
    private readonly db: Database,
    private readonly repository: MessageTemplatesRepository,
    private readonly renderer: MessageRenderer,
    private readonly events: EventsService,
    private readonly clock: Clock,
  ) {}

  async create(actor: Actor, dto: CreateMessageTemplateDto): Promise<MessageTemplateResponse> {
    const html = dto.html ?? '';
    const text = dto.text ?? '';
    if (!html && !text) {
      throw new BadRequestException({
        message: 'A template needs an html or a text body (or both).',
        details: [{ field: 'html', messages: ['html or text is required'] }],
      });
    }
    this.renderer.check({ subject: dto.subject, html, text });
    const documents = (dto.documents ?? []).map(({ filename, title, body }) => ({ filename, title, body }));
    checkDocuments(this.renderer, documents);
    try {
      const row = await this.db.transaction(async () => {
        const latest = await this.repository.findLatest(dto.key);
        const created: MessageTemplateTable = {
          id: newId(),
          key: dto.key,
          version: (latest?.version ?? 0) + 1,
          name: dto.name,
          channel: 'email',
          kind: dto.kind ?? 'customer',
          documents,
          subject: dto.subject,
          html,
          text,
          sampleData: dto.sampleData ?? {},
          createdAt: this.clock.now(),
        };
        await this.repository.insert(created);
        await this.events.record(actor, 'message_template.created', {}, { key: created.key, version: created.version });
        return created;
      });
      return toMessageTemplateResponse(row);
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ConflictException(`Another version of template "${dto.key}" was saved at the same moment; send it again.`);
      }
      throw error;
    }
  }

  async list(query: PageQueryDto): Promise<Page<MessageTemplateResponse>> {
    const [rows, total] = await this.db.read(() => this.repository.listLatest(query.limit ?? 50, query.offset ?? 0));
    return pageOf(rows.map(toMessageTemplateResponse), total, query);
  }

  async get(key: string): Promise<MessageTemplateResponse> {
    return toMessageTemplateResponse(await this.db.read(() => this.load(key)));
  }

  async versions(key: string, query: PageQueryDto): Promise<Page<MessageTemplateResponse>> {
    const [rows, total] = await this.db.read(() => this.repository.listVersions(key, query.limit ?? 50, query.offset ?? 0));
    if (total === 0) throw notFound(key);
    return pageOf(rows.map(toMessageTemplateResponse), total, query);
  }

  async delete(actor: Actor, key: string): Promise<void> {
    await this.db.transaction(async () => {
      const removed = await this.repository.deleteAll(key);
      if (removed === 0) throw notFound(key);
      await this.events.record(actor, 'message_template.deleted', {}, { key, versions: removed });
    });
  }

  /** The latest version, or the given one; 404 when missing. Joins the caller's transaction. */
  async load(key: string, version?: number): Promise<MessageTemplateTable> {
    const row = version ? await this.repository.findVersion(key, version) : await this.repository.findLatest(key);
    if (!row) throw notFound(key, version);
    return row;
  }
}

const notFound = (key: string, version?: number): NotFoundException =>
  new NotFoundException(version ? `Template "${key}" has no version ${version}.` : `There is no message template "${key}".`);
