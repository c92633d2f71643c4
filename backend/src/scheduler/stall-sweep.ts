import { Injectable, Logger } from '@nestjs/common';
import { SYSTEM_ACTOR } from '../auth/actor';
import { Clock } from '../common/clock';
import { iso } from '../common/time';
import { Database } from '../database/database';
import { EventsService } from '../events/events.service';
import { Notifier } from '../notifications/notifier.service';
import { StageClocks } from './stage-clocks';
import { stallDueAt } from './thresholds';
import { VisitsRepository } from './visits.repository';

/**
 * Reports an instance that has sat in a stage longer than the stage's stall threshold, once per
 * stage visit (entering a stage clears instances.stalled_at). Reactive workflows nudge on it.
 */
@Injectable()
export class StallSweep {
  private readonly logger = new Logger('Stalls');
  /** Stall times per visit, kept while the visit and its calendar stay the same. */
  private dueTimes = new Map<string, { key: string; at: number }>();

  constructor(
    private readonly db: Database,
    private readonly visits: VisitsRepository,
    private readonly clocks: StageClocks,
    private readonly events: EventsService,
    private readonly notifier: Notifier,
    private readonly clock: Clock,
  ) {}

  /** Returns how many stalls this process reported. */
  async run(): Promise<number> {
    const now = this.clock.now();
    const candidates = await this.db.read(() => this.visits.notYetStalled());
    const context = await this.clocks.load(candidates.map((v) => v.processId));
    const kept = new Map<string, { key: string; at: number }>();
    let reported = 0;
    for (const visit of candidates) {
      const found = context.stage(visit.processId, visit.stageKey);
      const threshold = found?.stage.stallAfterMinutes;
      if (!found || !threshold) continue;
      const { calendar, signature } = context.calendar(found.process, visit.stageKey);
      const key = `${signature}|${threshold}`;
      const cached = this.dueTimes.get(visit.id);
      const at = cached?.key === key ? cached.at : stallDueAt(calendar, visit.enteredAt, threshold);
      kept.set(visit.id, { key, at });
      if (at > now) continue;
      try {
        const claimed = await this.db.transaction(async () => {
          if (!(await this.visits.claimStall(visit, now))) return false;
          await this.events.record(SYSTEM_ACTOR, 'instance.stalled', { instanceId: visit.instanceId, entityId: visit.entityId }, {
            visitId: visit.id,
            processKey: found.process.key,
            stageKey: visit.stageKey,
            stageName: visit.stageName,
            enteredAt: iso(visit.enteredAt),
            stallAfterMinutes: threshold,
          });
          await this.notifier.instanceStalled(visit);
          return true;
        });
        if (claimed) reported++;
      } catch (error) {
        this.logger.error(`stall of instance ${visit.instanceId} not recorded: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    this.dueTimes = kept;
    return reported;
  }
}
