import { Injectable } from '@nestjs/common';
import { Database } from '../database/database';
import { HealthProbeTable } from '../database/tables';

@Injectable()
export class HealthRepository {
  constructor(private readonly db: Database) {}

  ping(): Promise<unknown> {
    return this.db.read(() => this.db.manager.query('SELECT 1'));
  }

  /** Upserts the probe row in a committed transaction: fails when the database cannot take writes. */
  async writeProbe(now: number): Promise<void> {
    await this.db.transaction(() => this.db.manager.upsert(HealthProbeTable, { id: 'ready', checkedAt: now }, ['id']));
  }
}
