import { BadRequestException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { CaseScopeService } from '../auth/case-scope';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import { Page, pageOf, PageQueryDto } from '../common/paging';
import { Database } from '../database/database';
import { DocumentTemplate, MessageAttachment, MessageKind, MessageTable } from '../database/tables';
import { DocumentAttachments } from '../documents/document-attachments';
import { EventsService } from '../events/events.service';
import { OutboxService } from '../outbox/outbox.service';
import { asAttachment, renderDocuments } from './message-documents';
import { ListMessagesQueryDto, MailboxQueryDto, MessageResponse, toMessageResponse } from './messages.dto';
import { MessageTemplatesRepository } from './message-templates.repository';
import { templateSource } from './message-templates.service';
import { MessagesRepository } from './messages.repository';
import { RecipientSpec, resolveRecipients } from './recipients';
import { LoadedRenderContext, RenderContextLoader } from './render-context.loader';
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
  /**
   * A notification to one person about the case: rendered with the case, but not one of its messages, so it is
   * neither on the case's timeline nor readable by the case's other viewers (its decision links are the recipient's).
   */
  personal?: boolean;
  /** An inline message's kind (default customer); a template's message takes the template's. */
  kind?: MessageKind;
  /** The case's documents as attachments: `{}` every one, `kinds` only those kinds. */
  attachDocuments?: { kinds?: string[] };
  /**
   * Names an inline source the backend itself ships (a notification email): checked by its spec
   * rather than on every send, and compiled once under this name. Not settable over HTTP.
   */
  builtIn?: string;
  /** The case as loadRenderContext read it, for a message sent to many people one by one (`data` still lays over it). */
  preloaded?: LoadedRenderContext;
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
    private readonly scope: CaseScopeService,
    private readonly contexts: RenderContextLoader,
    private readonly caseDocuments: DocumentAttachments,
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
    const { instance, entity, task, context } = input.preloaded ? withData(input.preloaded, input.data) : await this.contexts.load(input);
    checkAttachments(input.attachments ?? []);
    const caseFiles = await this.caseFiles(actor, instance?.id ?? null, input.attachDocuments);

    const { source, templateKey, templateVersion, kind, documents } = await this.sourceOf(input);
    const rendered = this.renderer.render(source, context);
    // Generated documents travel as ordinary attachments: kept with the message, sent over SMTP.
    const generated = await renderDocuments(this.renderer, documents, context, source.cacheKey);
    const attachments = [...(input.attachments ?? []), ...caseFiles, ...generated.map(asAttachment)];
    checkAttachments(attachments);
    const recipients = await resolveRecipients(this.repository, input.to ?? (instance ? { entity: true } : {}), entity, Boolean(instance));

    const message: MessageTable = {
      id: newId(),
      instanceId: input.personal ? null : (instance?.id ?? null),
      templateKey,
      templateVersion,
      channel: 'email',
      kind,
      recipients,
      subject: rendered.subject,
      html: rendered.html,
      text: rendered.text,
      attachments,
      status: 'queued',
      error: null,
      createdAt: this.clock.now(),
      sentAt: null,
    };
    await this.repository.insert(message);
    await this.events.record(
      actor,
      'message.sent',
      { instanceId: input.personal ? null : (instance?.id ?? null), entityId: input.personal ? null : (entity?.id ?? null), taskId: input.personal ? null : (task?.id ?? null) },
      { messageId: message.id, templateKey, templateVersion, kind, subject: message.subject, recipients },
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

  /** Call inside a unit of work: what a message about this case and task is rendered with, to pass as `preloaded`. */
  loadRenderContext(request: { instanceId: string | null; taskId: string | null }): Promise<LoadedRenderContext> {
    return this.contexts.load(request);
  }

  /** The latest version of a template rendered with a ready-made context. Joins the caller's transaction. */
  async renderTemplate(key: string, context: Record<string, unknown>): Promise<RenderedTemplate> {
    const row = await this.db.read(() => this.templates.findLatest(key));
    if (!row) throw new NotFoundException(`There is no message template "${key}".`);
    return { ...this.renderer.render(templateSource(row), context), templateKey: row.key, templateVersion: row.version };
  }

  async get(actor: Actor, id: string): Promise<MessageResponse> {
    return toMessageResponse(await this.db.read(() => this.loadVisible(actor, id)));
  }

  /** One attachment's bytes, under the same visibility as the message; 404 for an index it does not have. */
  async attachment(actor: Actor, id: string, index: number): Promise<{ filename: string; contentType: string; bytes: Buffer }> {
    const row = await this.db.read(() => this.loadVisible(actor, id));
    const attachment = Number.isInteger(index) && index >= 0 ? row.attachments[index] : undefined;
    if (!attachment) throw new NotFoundException(`Message ${id} has no attachment ${index}.`);
    return { filename: attachment.filename, contentType: attachment.contentType, bytes: Buffer.from(attachment.content, 'base64') };
  }

  async list(actor: Actor, query: ListMessagesQueryDto): Promise<Page<MessageResponse>> {
    return this.page(actor, { instanceId: query.instanceId, kind: query.kind }, query);
  }

  /** The dev mailbox: every message the caller may see, newest first (delivery over SMTP is the outbox's job). */
  async mailbox(actor: Actor, query: MailboxQueryDto): Promise<Page<MessageResponse>> {
    return this.page(actor, { kind: query.kind }, query);
  }

  /** Call inside a unit of work. */
  private async loadVisible(actor: Actor, id: string): Promise<MessageTable> {
    const found = await this.repository.findById(id);
    if (!found) throw new NotFoundException(`There is no message ${id}.`);
    await this.scope.assertVisible(actor, found.instanceId);
    return found;
  }

  private async page(actor: Actor, filter: { instanceId?: string; kind?: MessageKind }, query: PageQueryDto): Promise<Page<MessageResponse>> {
    const [rows, total] = await this.db.read(async () => {
      const scope = await this.scope.of(actor);
      if (filter.instanceId) await this.scope.assertVisible(actor, filter.instanceId);
      const inScope = filter.instanceId ? undefined : this.scope.findOperator(scope);
      return this.repository.list({ ...filter, inScope }, query.limit ?? 50, query.offset ?? 0);
    });
    return pageOf(rows.map(toMessageResponse), total, query);
  }

  /** The case's documents to attach: they count against the same 10 MB as every other attachment. */
  private async caseFiles(actor: Actor, instanceId: string | null, select: SendMessageInput['attachDocuments']): Promise<MessageAttachment[]> {
    if (!select) return [];
    if (!instanceId) throw fieldError('attachDocuments', "needs instanceId: the files attached are the case's documents");
    if (!actor.permissions.has('documents:read')) throw new ForbiddenException('attachDocuments: attaching a case\'s documents needs "documents:read".');
    return this.caseDocuments.forCase(instanceId, select);
  }

  /** A template's kind and documents come with it; an inline message has no documents and the request's kind. */
  private async sourceOf(input: SendMessageInput): Promise<{
    source: TemplateSource;
    templateKey: string | null;
    templateVersion: number | null;
    kind: MessageKind;
    documents: DocumentTemplate[];
  }> {
    if (input.inline) {
      const source: TemplateSource = { subject: input.inline.subject, html: input.inline.html ?? '', text: input.inline.text ?? '' };
      if (!source.html && !source.text) throw fieldError('inline', 'an inline message needs html or text');
      if (input.builtIn) source.cacheKey = `built-in:${input.builtIn}`;
      else this.renderer.check(source);
      return { source, templateKey: null, templateVersion: null, kind: input.kind ?? 'customer', documents: [] };
    }
    const row = await this.templates.findLatest(input.templateKey!);
    if (!row) throw fieldError('templateKey', `there is no message template "${input.templateKey}"`);
    return { source: templateSource(row), templateKey: row.key, templateVersion: row.version, kind: row.kind, documents: row.documents };
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

/** A context loaded without request data, with `data` laid over the instance's as a fresh load would. */
function withData(loaded: LoadedRenderContext, data: Record<string, unknown> | undefined): LoadedRenderContext {
  if (!data) return loaded;
  const base = (loaded.context.data ?? {}) as Record<string, unknown>;
  return { ...loaded, context: { ...loaded.context, data: { ...base, ...data } } };
}
