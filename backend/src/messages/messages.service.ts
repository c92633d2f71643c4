import { BadRequestException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { CaseScopeService } from '../auth/case-scope';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import { Page, pageOf, PageQueryDto } from '../common/paging';
import { APP_CONFIG, AppConfig } from '../config/config';
import { Database } from '../database/database';
import { MessageAttachment, MessageTable } from '../database/tables';
import { EventsService } from '../events/events.service';
import { OutboxService } from '../outbox/outbox.service';
import { ListMessagesQueryDto, MessageResponse, toMessageResponse } from './messages.dto';
import { MessageTemplatesRepository } from './message-templates.repository';
import { templateSource } from './message-templates.service';
import { MessagesRepository } from './messages.repository';
import { RecipientSpec, resolveRecipients } from './recipients';
import { buildRenderContext } from './render-context';
import { MessageRenderer, RenderedMessage, TemplateSource } from './renderer';

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export interface SendMessageInput {
  instanceId?: string | null;
  /** Adds `task` and `links.task` to the rendering context (escalation notices). */
  taskId?: string | null;
  templateKey?: string;
  inline?: { subject: string; html?: string; text?: string };
  /** Defaults to the entity when there is an instance. */
  to?: RecipientSpec;
  data?: Record<string, unknown>;
  attachments?: MessageAttachment[];
}

export interface RenderedTemplate extends RenderedMessage {
  templateKey: string;
  templateVersion: number;
}

@Injectable()
export class MessagesService {
  constructor(
    private readonly db: Database,
    private readonly repository: MessagesRepository,
    private readonly templates: MessageTemplatesRepository,
    private readonly renderer: MessageRenderer,
    private readonly events: EventsService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly scope: CaseScopeService,
  ) {}

  async send(actor: Actor, input: SendMessageInput): Promise<MessageResponse> {
    return toMessageResponse(await this.db.transaction(() => this.sendInTransaction(actor, input)));
  }

  /**
   * Renders, resolves recipients, writes the message, its event and its outbox item. Joins the
   * caller's transaction, so an escalation and its notice are written together or not at all.
   */
  async sendInTransaction(actor: Actor, input: SendMessageInput): Promise<MessageTable> {
    if (Boolean(input.templateKey) === Boolean(input.inline)) {
      throw fieldError('templateKey', 'give either templateKey or inline, not both and not neither');
    }
    const instance = input.instanceId ? await this.repository.findInstance(input.instanceId) : null;
    if (input.instanceId && !instance) throw new NotFoundException(`There is no instance ${input.instanceId}.`);
    const task = input.taskId ? await this.repository.findTask(input.taskId) : null;
    if (input.taskId && !task) throw new NotFoundException(`There is no task ${input.taskId}.`);
    const entity = instance ? await this.repository.findEntity(instance.entityId) : null;
    const visit = instance ? await this.repository.findOpenVisit(instance.id) : null;
    const attachments = input.attachments ?? [];
    checkAttachments(attachments);

    const { source, templateKey, templateVersion } = await this.sourceOf(input);
    const now = this.clock.now();
    const context = buildRenderContext({ instance, entity, visit, task, data: input.data ?? {}, publicUrl: this.config.publicUrl, now });
    const rendered = this.renderer.render(source, context);
    const recipients = await resolveRecipients(this.repository, input.to ?? (instance ? { entity: true } : {}), entity, Boolean(instance));

    const message: MessageTable = {
      id: newId(),
      instanceId: instance?.id ?? null,
      templateKey,
      templateVersion,
      channel: 'email',
      kind: 'customer',
      recipients,
      subject: rendered.subject,
      html: rendered.html,
      text: rendered.text,
      attachments,
      status: 'queued',
      error: null,
      createdAt: now,
      sentAt: null,
    };
    await this.repository.insert(message);
    await this.events.record(
      actor,
      'message.sent',
      { instanceId: instance?.id ?? null, entityId: entity?.id ?? null, taskId: task?.id ?? null },
      { messageId: message.id, templateKey, templateVersion, subject: message.subject, recipients },
    );
    await this.outbox.enqueue({
      kind: 'email',
      target: null,
      payload: { messageId: message.id },
      idempotencyKey: `message:${message.id}`,
      instanceId: message.instanceId,
    });
    return message;
  }

  /** The latest version of a template rendered with a ready-made context. Joins the caller's transaction. */
  async renderTemplate(key: string, context: Record<string, unknown>): Promise<RenderedTemplate> {
    const row = await this.db.read(() => this.templates.findLatest(key));
    if (!row) throw new NotFoundException(`There is no message template "${key}".`);
    return { ...this.renderer.render(templateSource(row), context), templateKey: row.key, templateVersion: row.version };
  }

  async get(actor: Actor, id: string): Promise<MessageResponse> {
    const row = await this.db.read(async () => {
      const found = await this.repository.findById(id);
      if (found) await this.scope.assertVisible(actor, found.instanceId);
      return found;
    });
    if (!row) throw new NotFoundException(`There is no message ${id}.`);
    return toMessageResponse(row);
  }

  async list(actor: Actor, query: ListMessagesQueryDto): Promise<Page<MessageResponse>> {
    return this.page(actor, { instanceId: query.instanceId }, query);
  }

  /** The dev mailbox: every message the caller may see, newest first (delivery over SMTP is the outbox's job). */
  async mailbox(actor: Actor, query: PageQueryDto): Promise<Page<MessageResponse>> {
    return this.page(actor, {}, query);
  }

  private async page(actor: Actor, filter: { instanceId?: string }, query: PageQueryDto): Promise<Page<MessageResponse>> {
    const [rows, total] = await this.db.read(async () => {
      const scope = await this.scope.of(actor);
      if (filter.instanceId) await this.scope.assertVisible(actor, filter.instanceId);
      const inScope = filter.instanceId ? undefined : this.scope.findOperator(scope);
      return this.repository.list({ ...filter, inScope }, query.limit ?? 50, query.offset ?? 0);
    });
    return pageOf(rows.map(toMessageResponse), total, query);
  }

  private async sourceOf(
    input: SendMessageInput,
  ): Promise<{ source: TemplateSource; templateKey: string | null; templateVersion: number | null }> {
    if (input.inline) {
      const source = { subject: input.inline.subject, html: input.inline.html ?? '', text: input.inline.text ?? '' };
      if (!source.html && !source.text) throw fieldError('inline', 'an inline message needs html or text');
      this.renderer.check(source);
      return { source, templateKey: null, templateVersion: null };
    }
    const row = await this.templates.findLatest(input.templateKey!);
    if (!row) throw fieldError('templateKey', `there is no message template "${input.templateKey}"`);
    return { source: templateSource(row), templateKey: row.key, templateVersion: row.version };
  }
}

function checkAttachments(attachments: MessageAttachment[]): void {
  const total = attachments.reduce((sum, a) => sum + Buffer.byteLength(a.content, 'base64'), 0);
  if (total > MAX_ATTACHMENT_BYTES) {
    throw fieldError('attachments', `attachments add up to ${total} bytes; the limit is ${MAX_ATTACHMENT_BYTES} (10 MB)`);
  }
}

const fieldError = (field: string, message: string): BadRequestException =>
  new BadRequestException({ message: `${field}: ${message}`, details: [{ field, messages: [message] }] });
