import { BadRequestException } from '@nestjs/common';
import type { DocumentTemplate, MessageAttachment } from '../database/tables';
import { renderPdf } from './pdf-document';
import { MessageRenderer } from './renderer';

export const MAX_DOCUMENTS = 5;
export const PDF_CONTENT_TYPE = 'application/pdf';
/**
 * Characters of one rendered body: about 15 pages, laid out in some 35 ms. Documents are made
 * inside the send's unit of work, which must not hold the database for long (100,000 took 165 ms).
 */
export const MAX_DOCUMENT_CHARS = 20_000;

export interface RenderedDocument {
  filename: string;
  title: string;
  bytes: Buffer;
  pageCount: number;
}

const PARTS = ['filename', 'title', 'body'] as const;
const SAFE_FILENAME = /^[^/\\\r\n"]+\.pdf$/i;

/** Refuses a document template that does not compile, naming it like `documents[0].body`. */
export function checkDocuments(renderer: MessageRenderer, documents: DocumentTemplate[]): void {
  documents.forEach((document, index) => {
    for (const part of PARTS) renderer.checkText(document[part], `documents[${index}].${part}`);
  });
}

/**
 * Renders each document template with the message's context (plain text: no HTML escaping) and
 * lays it out as a PDF. `cacheKey` is the template version's, so compiled templates are reused.
 */
export async function renderDocuments(
  renderer: MessageRenderer,
  documents: DocumentTemplate[],
  context: Record<string, unknown>,
  cacheKey?: string,
): Promise<RenderedDocument[]> {
  const rendered: RenderedDocument[] = [];
  for (const [index, document] of documents.entries()) rendered.push(await renderDocument(renderer, document, index, context, cacheKey));
  return rendered;
}

/** One document; `index` is its place in the template, which errors name (`documents[1].title`). */
export async function renderDocument(
  renderer: MessageRenderer,
  document: DocumentTemplate,
  index: number,
  context: Record<string, unknown>,
  cacheKey?: string,
): Promise<RenderedDocument> {
  const field = (part: (typeof PARTS)[number]): string => `documents[${index}].${part}`;
  const text = (part: (typeof PARTS)[number]): string =>
    renderer.renderText(document[part], context, field(part), cacheKey ? `${cacheKey}:${field(part)}` : undefined);
  const filename = text('filename').trim();
  if (filename.length > 255 || !SAFE_FILENAME.test(filename)) {
    const message = `renders to "${filename.slice(0, 80)}", which is not a file name ending in .pdf (no slashes, quotes or line breaks)`;
    throw new BadRequestException({ message: `${field('filename')}: ${message}`, details: [{ field: field('filename'), messages: [message] }] });
  }
  const title = text('title').replace(/\s*[\r\n]+\s*/g, ' ').trim();
  const body = text('body');
  if (body.length > MAX_DOCUMENT_CHARS) {
    const message = `the rendered document is longer than ${MAX_DOCUMENT_CHARS} characters`;
    throw new BadRequestException({ message: `${field('body')}: ${message}`, details: [{ field: field('body'), messages: [message] }] });
  }
  const pdf = await renderPdf({ title, body });
  return { filename, title, bytes: pdf.bytes, pageCount: pdf.pageCount };
}

export const asAttachment = (document: RenderedDocument): MessageAttachment => ({
  filename: document.filename,
  contentType: PDF_CONTENT_TYPE,
  content: document.bytes.toString('base64'),
});
