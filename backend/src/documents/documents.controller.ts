import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../auth/actor';
import { CurrentActor, RequirePermission } from '../auth/decorators';
import { idParam } from '../common/params';
import type { DocumentSource } from '../database/tables';
import { EXECUTION_HEADER } from '../executions/execution-link.interceptor';
import { fileHeaders } from '../messages/file-reply';
import { AddDocumentDto, DocumentContentQuery, DocumentResponse, ListDocumentsQuery } from './documents.dto';
import { DocumentsService } from './documents.service';

@ApiTags('documents')
@Controller()
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  /** `source` says who added it: a person in the UI, a Caseflow node in an n8n execution, or another API client. */
  @Post('instances/:id/documents')
  @RequirePermission('documents:write')
  add(
    @CurrentActor() actor: Actor,
    @Param('id', idParam('instance')) id: string,
    @Body() dto: AddDocumentDto,
    @Headers(EXECUTION_HEADER) execution?: string,
  ): Promise<DocumentResponse> {
    const source: DocumentSource = actor.type === 'user' ? 'reviewer' : execution ? 'node' : 'api';
    return this.documents.add(actor, id, dto, source);
  }

  @Get('instances/:id/documents')
  @RequirePermission('documents:read')
  async list(@CurrentActor() actor: Actor, @Param('id', idParam('instance')) id: string, @Query() query: ListDocumentsQuery): Promise<{ items: DocumentResponse[] }> {
    return { items: await this.documents.list(actor, id, query.kind) };
  }

  @Get('documents/:id')
  @RequirePermission('documents:read')
  get(@CurrentActor() actor: Actor, @Param('id', idParam('document')) id: string): Promise<DocumentResponse> {
    return this.documents.get(actor, id);
  }

  /** The bytes; `?inline=true` shows a PDF, an image or plain text in the browser, anything else is downloaded. */
  @Get('documents/:id/content')
  @ApiProduces('application/octet-stream')
  @RequirePermission('documents:read')
  async content(
    @CurrentActor() actor: Actor,
    @Param('id', idParam('document')) id: string,
    @Query() query: DocumentContentQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const file = await this.documents.content(actor, id);
    fileHeaders(reply, file, query.inline);
    return file.bytes;
  }

  @Delete('documents/:id')
  @HttpCode(204)
  @RequirePermission('documents:write')
  async remove(@CurrentActor() actor: Actor, @Param('id', idParam('document')) id: string): Promise<void> {
    await this.documents.remove(actor, id);
  }
}
