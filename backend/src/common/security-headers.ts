import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * The usual security headers on every answer, the UI's pages and the API's JSON alike.
 * HSTS only when the request came over TLS (directly or, with trust proxy, via the proxy).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // React Flow and the charts set inline style attributes.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** A file shown in place (a case document or a message attachment, `?inline=true`): the app may frame it to preview it. */
const FRAMEABLE_FILE = /^\/api\/v1\/(documents\/[^/?]+\/content|messages\/[^/?]+\/attachments\/\d+)\?(.*&)?inline=true(&|$)/;
const FILE_POLICY = CONTENT_SECURITY_POLICY.replace("frame-ancestors 'none'", "frame-ancestors 'self'");

export function installSecurityHeaders(fastify: FastifyInstance): void {
  fastify.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const frameable = request.method === 'GET' && FRAMEABLE_FILE.test(request.url);
    void reply.header('x-content-type-options', 'nosniff');
    void reply.header('x-frame-options', frameable ? 'SAMEORIGIN' : 'DENY');
    void reply.header('referrer-policy', 'same-origin');
    void reply.header('content-security-policy', frameable ? FILE_POLICY : CONTENT_SECURITY_POLICY);
    if (request.protocol === 'https') void reply.header('strict-transport-security', 'max-age=15552000; includeSubDomains');
    return payload;
  });
}
