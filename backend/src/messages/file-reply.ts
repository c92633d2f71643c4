import type { FastifyReply } from 'fastify';

/**
 * Types a browser may show in place. Anything else (an HTML or SVG attachment an API client sent)
 * is always downloaded: shown inline it would run in the app's own origin.
 */
const SHOWN_INLINE = new Set(['application/pdf', 'image/png', 'image/jpeg', 'image/gif', 'text/plain']);

/** Headers for a file answer: its type and a content-disposition naming it (RFC 6266, with an RFC 5987 UTF-8 name). */
export function fileHeaders(reply: FastifyReply, file: { filename: string; contentType: string }, inline = false): void {
  const shown = inline && SHOWN_INLINE.has(file.contentType.toLowerCase());
  void reply.header('content-type', file.contentType);
  void reply.header('content-disposition', contentDisposition(shown ? 'inline' : 'attachment', file.filename));
  void reply.header('x-content-type-options', 'nosniff');
  void reply.header('cache-control', 'private, no-store');
}

export function contentDisposition(type: 'inline' | 'attachment', filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return fallback === filename ? `${type}; filename="${filename}"` : `${type}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
