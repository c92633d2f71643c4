import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { Database } from '../../database/database';
import { rollUpCases, rollUpDecisions, rollUpMessages, rollUpVisits } from './facts';
import { RollupsRepository, Settled } from './rollups.repository';

/** Rows per transaction: a batch's rollup rows stay a few hundred, and other writers wait at most a moment. */
const BATCH = 2_000;

export type RolledUp = Record<Settled, number>;

/**
 * Rolls settled rows up into the report rollups, each exactly once: the mark and the counts are
 * written in one transaction. What is added is final: a closed case never changes again
 * (instances.service.ts closes only open cases and nothing reopens one; its tasks are decided or
 * cancelled, its visits ended, and neither it nor its tasks can be escalated any more), an ended
 * visit is not entered again, a decision is not taken back, and the outbox never moves a sent
 * message. Until a row is rolled up the reports read it, so they are right at every moment.
 */
@Injectable()
export class RollupSweep {
  constructor(
    private readonly db: Database,
    private readonly repository: RollupsRepository,
    private readonly clock: Clock,
  ) {}

  /** Rolls up everything settled and not rolled up yet; says how many of each. */
  async run(): Promise<RolledUp> {
    return {
      cases: await this.drain('cases', async (ids) => this.repository.addCases(rollUpCases(await this.repository.casesOf(ids)))),
      visits: await this.drain('visits', async (ids) => this.repository.addVisits(rollUpVisits(await this.repository.visitsOf(ids)))),
      decisions: await this.drain('decisions', async (ids) => this.repository.addDecisions(rollUpDecisions(await this.repository.decisionsOf(ids)))),
      messages: await this.drain('messages', async (ids) => this.repository.addMessages(rollUpMessages(await this.repository.messagesOf(ids)))),
    };
  }

  /** Batches, each claimed and added in one transaction, until one comes back short. */
  private async drain(kind: Settled, add: (ids: string[]) => Promise<void>): Promise<number> {
    let total = 0;
    for (let rolled = BATCH; rolled === BATCH; total += rolled) {
      rolled = await this.db.transaction(async () => {
        const ids = await this.repository.claim(kind, this.clock.now(), BATCH);
        if (ids.length > 0) await add(ids);
        return ids.length;
      });
    }
    return total;
  }
}
