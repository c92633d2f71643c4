import { Injectable, Logger } from '@nestjs/common';
import { SYSTEM_ACTOR } from '../auth/actor';
import { Clock } from '../common/clock';
import { Database } from '../database/database';
import { AbsenceHandOver } from './absence-hand-over';
import { AbsencesRepository } from './absences.repository';

const PER_PASS = 100;

/** Hands over the work of people whose absence has just begun (one set in advance). */
@Injectable()
export class AbsenceStartSweep {
  private readonly logger = new Logger('Absences');

  constructor(
    private readonly db: Database,
    private readonly repository: AbsencesRepository,
    private readonly handOver: AbsenceHandOver,
    private readonly clock: Clock,
  ) {}

  /** Returns how many absences this process started. */
  async run(): Promise<number> {
    const now = this.clock.now();
    const started = await this.db.read(() => this.repository.startedUnapplied(now, PER_PASS));
    let applied = 0;
    for (const absence of started) {
      try {
        const claimed = await this.db.transaction(async () => {
          if (!(await this.repository.markApplied(absence.userId, absence.fromAt, now))) return false;
          await this.handOver.handOver(SYSTEM_ACTOR, absence, now);
          return true;
        });
        if (claimed) applied++;
      } catch (error) {
        this.logger.error(`absence of user ${absence.userId} not started: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return applied;
  }
}
