import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { installCommunityPackage } from './community';
import { freePort, launchN8n } from './launch';
import type { N8nRuntime } from './layout';
import type { N8nProfile } from './profiles';
import { ensureRuntime } from './runtime';

export interface StartN8nOptions {
  readonly profile: N8nProfile;
  /** Defaults to a free port on 127.0.0.1. */
  readonly port?: number;
  /** Defaults to a new temporary folder, removed again by stop(). */
  readonly userFolder?: string;
  /** Extra environment for n8n; wins over the harness's own. */
  readonly env?: Readonly<Record<string, string>>;
  /** Defaults to a file in the OS temp folder that outlives the instance. */
  readonly logFile?: string;
  readonly cacheDir?: string;
  readonly readyTimeoutMs?: number;
  /** Start an empty user folder from the runtime's template (default true): ~10 s faster. */
  readonly seedFromTemplate?: boolean;
  /** Packed community packages (.tgz) to install into the user folder before n8n starts. */
  readonly communityPackages?: readonly string[];
  /** `worker` runs a queue-mode worker instead of the main (see LaunchOptions.command). */
  readonly command?: 'start' | 'worker';
}

export interface N8nInstance {
  readonly baseUrl: string;
  readonly port: number;
  readonly userFolder: string;
  readonly logFile: string;
  readonly pid: number;
  readonly runtime: N8nRuntime;
  /** Stops n8n and everything it started (its task runner), then removes a temporary user folder. */
  stop(): Promise<void>;
}

/** Installs the profile if needed, then starts a real n8n and resolves once its REST API answers. */
export async function startN8n(options: StartN8nOptions): Promise<N8nInstance> {
  const runtime = await ensureRuntime(options.profile, { cacheDir: options.cacheDir });
  const ownFolder = options.userFolder === undefined;
  const userFolder = options.userFolder ?? (await mkdtemp(join(tmpdir(), `caseflow-n8n-${options.profile.name}-`)));
  await mkdir(userFolder, { recursive: true });
  if (options.seedFromTemplate !== false) await seedUserFolder(runtime, userFolder);
  for (const tgz of options.communityPackages ?? []) await installCommunityPackage(runtime, userFolder, tgz);
  const port = options.port ?? (await freePort());
  const logFile = options.logFile ?? join(tmpdir(), `caseflow-n8n-${options.profile.name}-${port}-${Date.now()}.log`);
  try {
    const launched = await launchN8n({ runtime, userFolder, port, logFile, env: options.env, readyTimeoutMs: options.readyTimeoutMs, command: options.command });
    const stop = async (): Promise<void> => {
      await launched.stop();
      if (ownFolder) await rm(userFolder, { recursive: true, force: true });
    };
    return { baseUrl: launched.baseUrl, port, userFolder, logFile, pid: launched.pid, runtime, stop };
  } catch (error) {
    if (ownFolder) await rm(userFolder, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Copies the template's database (migrated) and `.cache` (the editor's static files n8n 2.x
 * generates on a first start) into a user folder that has no database yet.
 */
async function seedUserFolder(runtime: N8nRuntime, userFolder: string): Promise<void> {
  const template = runtime.templateUserFolder;
  if (existsSync(join(userFolder, '.n8n', 'database.sqlite')) || !existsSync(join(template, '.n8n', 'database.sqlite'))) return;
  await cp(template, userFolder, {
    recursive: true,
    force: false,
    errorOnExist: false,
    // The template's own event log says nothing about the new instance.
    filter: (source) => !basename(source).startsWith('n8nEventLog'),
  });
}
