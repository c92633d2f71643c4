import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { existsSync, statSync } from 'node:fs';
import { resolve, sep } from 'node:path';

/** The built UI next to the backend in the repository: editor-ui/dist (same from src/ui and dist/ui). */
export const DEFAULT_UI_DIST = resolve(__dirname, '..', '..', '..', 'editor-ui', 'dist');

const API_PREFIX = '/api/';

/** Vite fingerprints everything under assets/, so those files never change under the same name. */
const IMMUTABLE = { maxAge: 365 * 24 * 3_600_000, immutable: true };

export function hasBuiltUi(root: string): boolean {
  return existsSync(resolve(root, 'index.html'));
}

/**
 * Serves the UI at "/": real files when they exist, index.html for every other non-API GET
 * (client-side routes such as /tasks/123). Unknown /api paths keep the API's JSON 404.
 */
export async function serveUi(fastify: FastifyInstance, root: string): Promise<void> {
  await fastify.register(fastifyStatic, { root, serve: false, index: false });
  fastify.get('/*', (request: FastifyRequest, reply: FastifyReply) => {
    const path = decodePath(request.url);
    if (path === null || path.startsWith(API_PREFIX) || path === '/api') return reply.callNotFound();
    const file = path === '/' ? null : fileUnder(root, path);
    if (file) return reply.sendFile(file, file.startsWith('assets/') ? IMMUTABLE : { maxAge: 0 });
    // The shell is tiny and names the current asset files: always revalidate it.
    void reply.header('cache-control', 'no-cache');
    return reply.sendFile('index.html', { maxAge: 0, cacheControl: false });
  });
}

function decodePath(url: string): string | null {
  const path = url.split('?')[0] ?? '/';
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}

/** The file's path relative to root when it is a regular file inside root; nothing else is served. */
function fileUnder(root: string, path: string): string | null {
  const absolute = resolve(root, `.${path}`);
  if (!absolute.startsWith(root + sep)) return null;
  try {
    return statSync(absolute).isFile() ? absolute.slice(root.length + 1).split(sep).join('/') : null;
  } catch {
    return null;
  }
}
