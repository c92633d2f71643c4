/**
 * What a request may carry, in one table: body size and JSON key count per route. Everything
 * not listed here gets the ordinary limits. Routes are matched by Fastify's route pattern.
 */
export interface RouteLimits {
  /** Largest body in bytes (never above CASEFLOW_BODY_LIMIT_BYTES). */
  bodyBytes: number;
  /** Most object keys in the whole JSON body, counted before anything walks it. */
  keys: number;
}

const KiB = 1024;
const MiB = 1024 * KiB;

/** Nesting deeper than this is never a real Caseflow document; refused before parsing. */
export const MAX_JSON_DEPTH = 32;

const ORDINARY: RouteLimits = { bodyBytes: 256 * KiB, keys: 2_000 };
/** Sign-in bodies are a handful of fields; anything with many keys is an attack on the parser. */
const AUTH: RouteLimits = { bodyBytes: 256 * KiB, keys: 50 };
/** Process designs carry every stage, decision and field of a process; templates three 100 KB parts. */
const DESIGN: RouteLimits = { bodyBytes: 1 * MiB, keys: 20_000 };
/** Messages, launches and document uploads carry files as base64; the largest body the operator allows. */
const ATTACHMENTS: RouteLimits = { bodyBytes: Number.POSITIVE_INFINITY, keys: 2_000 };

const BY_ROUTE: Record<string, RouteLimits> = {
  'POST /api/v1/messages': ATTACHMENTS,
  'POST /api/v1/instances': ATTACHMENTS,
  'POST /api/v1/instances/:id/documents': ATTACHMENTS,
  'POST /api/v1/processes': DESIGN,
  'POST /api/v1/processes/check': DESIGN,
  'PATCH /api/v1/processes/:key/draft': DESIGN,
  'POST /api/v1/processes/:key/draft': DESIGN,
  'PATCH /api/v1/processes/:key/versions/:version': DESIGN,
  'POST /api/v1/message-templates': DESIGN,
  'POST /api/v1/message-templates/preview': DESIGN,
  'POST /api/v1/message-templates/preview/documents/:index': DESIGN,
  'POST /api/v1/process-maps/from-n8n': DESIGN,
};

export function limitsFor(method: string, routeUrl: string | undefined, largestBody: number): RouteLimits {
  const url = routeUrl ?? '';
  const limits = BY_ROUTE[`${method} ${url}`] ?? (url.startsWith('/api/v1/auth/') ? AUTH : ORDINARY);
  return { ...limits, bodyBytes: Math.min(limits.bodyBytes, largestBody) };
}
