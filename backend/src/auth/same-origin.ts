import { ForbiddenException, UnsupportedMediaTypeException } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** What a browser's fetch sends for a request of our own pages (Sec-Fetch-Site). */
const OWN_FETCH_SITES = new Set(['same-origin', 'none']);

/**
 * A browser attaches the session cookie to requests that other sites make it send (a form, a
 * `text/plain` fetch with no preflight), so SameSite=Lax alone is too thin. A state change made
 * with the cookie must come from our own origin and carry JSON, which no cross-site form can
 * send. API keys are never sent by a browser on its own, so they are not checked here.
 */
export function checkCookieStateChange(request: FastifyRequest, publicUrl: string): void {
  if (!STATE_CHANGING.has(request.method)) return;
  checkSameOrigin(request, publicUrl);
  checkJsonBody(request);
}

function checkSameOrigin(request: FastifyRequest, publicUrl: string): void {
  const site = header(request, 'sec-fetch-site');
  if (site !== undefined) {
    if (OWN_FETCH_SITES.has(site)) return;
    throw crossSite(`the browser marked it ${site}`, publicUrl);
  }
  const origin = header(request, 'origin') ?? originOf(header(request, 'referer'));
  if (origin === undefined) throw crossSite('it carries no Origin, Referer or Sec-Fetch-Site header', publicUrl);
  if (!isOwnOrigin(origin, request, publicUrl)) throw crossSite(`its origin is ${origin}`, publicUrl);
}

function isOwnOrigin(origin: string, request: FastifyRequest, publicUrl: string): boolean {
  if (origin === originOf(publicUrl)) return true;
  const host = hostOf(origin);
  // request.host honours X-Forwarded-Host only when CASEFLOW_TRUST_PROXY trusts the proxy.
  return host !== undefined && host === request.host.toLowerCase();
}

function checkJsonBody(request: FastifyRequest): void {
  const length = Number(header(request, 'content-length') ?? '0');
  const hasBody = length > 0 || header(request, 'transfer-encoding') !== undefined;
  if (!hasBody) return;
  const type = (header(request, 'content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type)) return;
  throw new UnsupportedMediaTypeException(
    `A signed-in request that changes something must send its body as application/json, not "${type || 'no content type'}".`,
  );
}

const crossSite = (why: string, publicUrl: string): ForbiddenException =>
  new ForbiddenException(
    `Cross-site request refused: a signed-in change must come from the Caseflow UI (${originOf(publicUrl) ?? publicUrl}), ` +
      `but ${why}. Automation should use an API key; behind a proxy, set CASEFLOW_PUBLIC_URL to the address people use.`,
  );

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined || first === '' ? undefined : first;
}

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.origin === 'null' ? undefined : parsed.origin;
  } catch {
    return undefined;
  }
}

function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return undefined;
  }
}
