import { Injectable } from '@nestjs/common';
import { Database } from '../database/database';
import { ProcessArchiveTable } from '../database/tables';

/** Which process keys are archived: one row per archived key, removed again when it is unarchived. */
@Injectable()
export class ProcessArchivesRepository {
  constructor(private readonly db: Database) {}

  async archivedAt(key: string): Promise<number | null> {
    return (await this.db.manager.findOneBy(ProcessArchiveTable, { key }))?.archivedAt ?? null;
  }

  /** Archived keys are few (tens at most), so the listing reads them all. */
  async all(): Promise<Map<string, number>> {
    const rows = await this.db.manager.find(ProcessArchiveTable);
    return new Map(rows.map((row) => [row.key, row.archivedAt]));
  }

  /** A concurrent archive of the same key may have won; its time stays. */
  async insert(key: string, archivedAt: number): Promise<void> {
    await this.db.insertIfAbsent(ProcessArchiveTable, { key, archivedAt });
  }

  /** False when the key was not archived. */
  async remove(key: string): Promise<boolean> {
    const result = await this.db.manager.delete(ProcessArchiveTable, { key });
    return (result.affected ?? 0) > 0;
  }
}
