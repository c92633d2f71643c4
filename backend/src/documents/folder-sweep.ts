import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { readdir, rmdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { APP_CONFIG, AppConfig } from '../config/config';
import { Database } from '../database/database';
import { DocumentStores } from './document-stores';
import { DocumentsRepository } from './documents.repository';

/** A file younger than this may belong to an upload whose transaction has not committed yet. */
const GRACE_MS = 60 * 60 * 1000;
const EVERY_MS = 6 * 60 * 60 * 1000;

/**
 * Retention for the folder store. A document's row goes with its case (ON DELETE CASCADE), but a
 * file cannot: so the files whose row is gone — a deleted case, a removal whose file could not be
 * deleted, a crash between writing a file and committing — are removed here, at start-up and
 * every six hours (when the scheduler runs).
 */
@Injectable()
export class DocumentFolderSweep implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Documents');
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Database,
    private readonly repository: DocumentsRepository,
    private readonly stores: DocumentStores,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.schedulerEnabled) return;
    const run = () => void this.sweep().catch((error: unknown) => this.logger.warn(`document sweep failed: ${String(error)}`));
    run();
    this.timer = setInterval(run, EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Removes orphaned files older than `graceMs`; returns how many. */
  async sweep(now = Date.now(), graceMs = GRACE_MS): Promise<number> {
    const root = this.stores.folder.root;
    let removed = 0;
    for (const caseDir of await listDir(root)) {
      const files = (await listDir(join(root, caseDir))).filter((name) => !name.endsWith('.partial'));
      const keys = files.map((file) => `${caseDir}/${file}`);
      const inUse = await this.db.read(() => this.repository.folderKeysInUse(keys));
      for (const key of keys) {
        if (inUse.has(key)) continue;
        const info = await stat(this.stores.folder.pathOf(key)).catch(() => null);
        if (!info || now - info.mtimeMs < graceMs) continue;
        await this.stores.folder.remove(key);
        removed += 1;
      }
      // Only an empty folder untouched for the grace period goes: an upload may be about to write into a new one.
      const folder = await stat(join(root, caseDir)).catch(() => null);
      if (folder && now - folder.mtimeMs >= graceMs) await rmdir(join(root, caseDir)).catch(() => undefined);
    }
    return removed;
  }
}

async function listDir(path: string): Promise<string[]> {
  return readdir(path).catch(() => []);
}
