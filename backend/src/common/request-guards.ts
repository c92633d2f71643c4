import type { FastifyInstance } from 'fastify';
import { Transform } from 'node:stream';
import { checkJsonStrings, checkRequestUrl, InputRefusal, JsonShapeScanner } from './hostile-input';
import { limitsFor, MAX_JSON_DEPTH } from './request-limits';

/**
 * Installs, on the raw Fastify instance, the input rules that hold for every route before Nest
 * routes, authenticates or validates anything: URL encoding, body size per route, JSON depth,
 * key count and storable strings.
 */
export function installRequestGuards(fastify: FastifyInstance, largestBody: number): void {
  fastify.addHook('onRequest', async (request, reply) => {
    try {
      checkRequestUrl(request.raw.url ?? '/');
    } catch (error) {
      throw asHttpError(error);
    }
    const { bodyBytes } = limitsFor(request.method, request.routeOptions.url, largestBody);
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > bodyBytes) {
      // Closing the connection spares reading (and discarding) a body that is refused anyway.
      void reply.header('connection', 'close');
      throw tooLarge(bodyBytes);
    }
  });

  // Bodies are counted, and JSON bodies measured, as they arrive: a hostile one is refused at
  // its first byte over a limit instead of after the whole of it was read and parsed.
  fastify.addHook('preParsing', async (request, _reply, payload) => {
    const limits = limitsFor(request.method, request.routeOptions.url, largestBody);
    const shape = isJson(request.headers['content-type']) ? new JsonShapeScanner(MAX_JSON_DEPTH, limits.keys) : undefined;
    let received = 0;
    const guarded = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        received += chunk.length;
        if (received > limits.bodyBytes) return done(asHttpError(tooLarge(limits.bodyBytes)));
        try {
          shape?.feed(chunk);
        } catch (refusal) {
          return done(asHttpError(refusal));
        }
        done(null, chunk);
      },
    });
    return payload.pipe(guarded);
  });

  parseJsonWithinLimits(fastify);
}

/**
 * Body-less actions (publish, claim) are often sent with `content-type: application/json` and
 * no body, which Fastify refuses by default; treat that as no body. Depth, key count and size
 * were checked as the bytes arrived (preParsing); Fastify's own parser (which guards against
 * prototype poisoning) makes the objects, and the result is checked for strings no database can store.
 */
function parseJsonWithinLimits(fastify: FastifyInstance): void {
  const parseJson = fastify.getDefaultJsonParser('error', 'ignore');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body.toString();
    if (text.trim() === '') return done(null, undefined);
    parseJson(request, text, (error, parsed) => {
      if (error) return done(error, undefined);
      try {
        checkJsonStrings(parsed);
      } catch (refusal) {
        return done(asHttpError(refusal), undefined);
      }
      done(null, parsed);
    });
  });
}

const isJson = (contentType: string | undefined): boolean => {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  return type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type);
};

/** Fastify answers an error carrying a 4xx statusCode with that status and its message. */
function asHttpError(error: unknown): Error & { statusCode: number } {
  if (error instanceof InputRefusal) return Object.assign(new Error(error.message), { statusCode: error.statusCode });
  throw error;
}

function tooLarge(limit: number): InputRefusal {
  return new InputRefusal(`The request body is larger than this route accepts (${limit} bytes).`, 413);
}
