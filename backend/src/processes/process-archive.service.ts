import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { Clock } from '../common/clock';
import { Database } from '../database/database';
import { EventsService } from '../events/events.service';
import { ProcessArchivesRepository } from './process-archives.repository';
import { ProcessResponse, toProcessResponse } from './processes.dto';
import { ProcessesRepository } from './processes.repository';
import { processNotFound } from './processes.service';

/**
 * Archiving retires a process key: it is left out of the process list and starts no new cases,
 * while the cases already running carry on. Both directions are idempotent.
 */
@Injectable()
export class ProcessArchiveService {
  constructor(
    private readonly db: Database,
    private readonly repository: ProcessesRepository,
    private readonly archives: ProcessArchivesRepository,
    private readonly events: EventsService,
    private readonly clock: Clock,
  ) {}

  archive(actor: Actor, key: string): Promise<ProcessResponse> {
    return this.db.transaction(async () => {
      const head = await this.head(key);
      const already = await this.archives.archivedAt(key);
      if (already !== null) return toProcessResponse(head, already);
      const now = this.clock.now();
      await this.archives.insert(key, now);
      await this.events.record(actor, 'process.archived', {}, { key });
      return toProcessResponse(head, now);
    });
  }

  unarchive(actor: Actor, key: string): Promise<ProcessResponse> {
    return this.db.transaction(async () => {
      const head = await this.head(key);
      if (await this.archives.remove(key)) await this.events.record(actor, 'process.unarchived', {}, { key });
      return toProcessResponse(head, null);
    });
  }

  /** The version that stands for the key, as GET /processes/:key answers. */
  private async head(key: string) {
    const row = (await this.repository.findLatestPublished(key)) ?? (await this.repository.findDraft(key));
    if (!row) throw processNotFound(key);
    return row;
  }
}
