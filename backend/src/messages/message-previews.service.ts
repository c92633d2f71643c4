import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { CaseScopeService } from '../auth/case-scope';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../config/config';
import { Database } from '../database/database';
import type { DocumentTemplate } from '../database/tables';
import { checkDocuments, renderDocument, RenderedDocument, renderDocuments } from './message-documents';
import { MessagePreviewResponse, PreviewDraftDto, PreviewMessageTemplateDto } from './message-templates.dto';
import { MessageTemplatesService, templateSource } from './message-templates.service';
import { deepMerge } from './render-context';
import { RenderContextLoader } from './render-context.loader';
import { MessageRenderer, TemplateSource } from './renderer';

/**
 * Previews for the template editor: a saved version or an unsaved draft, rendered with sample data
 * or against a real case. Against a case the context comes from the loader a send uses, so the
 * preview is what that send would render; nothing is written.
 */
@Injectable()
export class MessagePreviewsService {
  constructor(
    private readonly db: Database,
    private readonly templates: MessageTemplatesService,
    private readonly renderer: MessageRenderer,
    private readonly contexts: RenderContextLoader,
    private readonly scope: CaseScopeService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async template(actor: Actor, key: string, dto: PreviewMessageTemplateDto): Promise<MessagePreviewResponse> {
    const { row, context } = await this.db.read(async () => {
      const found = await this.templates.load(key, dto.version);
      const sample = (): Record<string, unknown> => deepMerge(deepMerge(this.sampleDefaults(), found.sampleData), dto.data ?? {});
      return { row: found, context: dto.instanceId ? await this.caseContext(actor, dto.instanceId, dto.data) : sample() };
    });
    const source = templateSource(row);
    return this.respond(source, row.documents, context);
  }

  async draft(actor: Actor, dto: PreviewDraftDto): Promise<MessagePreviewResponse> {
    const context = await this.draftContext(actor, dto);
    const { source, documents } = this.checkedDraft(dto);
    return this.respond(source, documents, context);
  }

  /** One of the draft's documents as a PDF, for the editor to show; 404 for an index the draft does not have. */
  async draftDocument(actor: Actor, dto: PreviewDraftDto, index: number): Promise<RenderedDocument> {
    const context = await this.draftContext(actor, dto);
    const { documents } = this.checkedDraft(dto);
    const document = documents[index];
    if (!document) throw new NotFoundException(`The draft has no document ${index}.`);
    return renderDocument(this.renderer, document, index, context);
  }

  private async respond(source: TemplateSource, documents: DocumentTemplate[], context: Record<string, unknown>): Promise<MessagePreviewResponse> {
    const rendered = this.renderer.render(source, context);
    const pdfs = await renderDocuments(this.renderer, documents, context, source.cacheKey);
    return {
      ...rendered,
      documents: pdfs.map((pdf) => ({ filename: pdf.filename, title: pdf.title, pageCount: pdf.pageCount, size: pdf.bytes.length })),
    };
  }

  /** 400 naming the part (`html`, `documents[0].body`) that does not compile. */
  private checkedDraft(dto: PreviewDraftDto): { source: TemplateSource; documents: DocumentTemplate[] } {
    const source = { subject: dto.subject, html: dto.html ?? '', text: dto.text ?? '' };
    const documents = (dto.documents ?? []).map(({ filename, title, body }) => ({ filename, title, body }));
    this.renderer.check(source);
    checkDocuments(this.renderer, documents);
    return { source, documents };
  }

  private draftContext(actor: Actor, dto: PreviewDraftDto): Promise<Record<string, unknown>> {
    if (!dto.instanceId) return Promise.resolve(deepMerge(this.sampleDefaults(), dto.data ?? {}));
    return this.db.read(() => this.caseContext(actor, dto.instanceId!, dto.data));
  }

  /** Call inside a unit of work: 404 for an unknown case, 403 for one the caller may not see. */
  private async caseContext(actor: Actor, instanceId: string, data: Record<string, unknown> | undefined): Promise<Record<string, unknown>> {
    const { context } = await this.contexts.load({ instanceId, data });
    await this.scope.assertVisible(actor, instanceId);
    return context;
  }

  private sampleDefaults(): Record<string, unknown> {
    return { now: new Date(this.clock.now()).toISOString(), links: { instance: `${this.config.publicUrl}/instances/preview` } };
  }
}
