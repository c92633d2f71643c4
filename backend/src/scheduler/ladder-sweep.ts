import { HttpException, Injectable, Logger } from '@nestjs/common';
import { SYSTEM_ACTOR } from '../auth/actor';
import { Clock } from '../common/clock';
import { Database } from '../database/database';
import type { EscalationStep } from '../database/tables';
import { EventsService } from '../events/events.service';
import { LadderEscalator } from './ladder-escalator';
import { StageClocks, SweepContext } from './stage-clocks';
import { ladderStepDueAt } from './thresholds';
import { OpenVisit, VisitsRepository } from './visits.repository';

interface DueTimes {
  key: string;
  at: number[];
}

/**
 * Fires the escalation ladder of every running stage SLA. Each step fires once per stage visit:
 * the step's index is added to stage_visits.ladder_fired by the same conditional update that
 * claims it, in the transaction that writes the escalation.
 */
@Injectable()
export class LadderSweep {
  private readonly logger = new Logger('Ladders');
  /** Step due times per visit, kept while the visit's clock and calendar stay the same. */
  private dueTimes = new Map<string, DueTimes>();

  constructor(
    private readonly db: Database,
    private readonly visits: VisitsRepository,
    private readonly clocks: StageClocks,
    private readonly escalator: LadderEscalator,
    private readonly events: EventsService,
    private readonly clock: Clock,
  ) {}

  /** Returns how many steps this process fired (failed steps included: they are spent too). */
  async run(): Promise<number> {
    const now = this.clock.now();
    const candidates = await this.db.read(() => this.visits.runningClocks());
    const context = await this.clocks.load(candidates.map((v) => v.processId));
    const kept = new Map<string, DueTimes>();
    let fired = 0;
    for (const visit of candidates) {
      const steps = context.stage(visit.processId, visit.stageKey)?.stage.escalation ?? [];
      if (steps.length === 0 || visit.ladderFired.length >= steps.length) continue;
      const due = this.dueTimesOf(visit, steps, context);
      kept.set(visit.id, due);
      for (let index = 0; index < steps.length; index++) {
        if (visit.ladderFired.includes(index) || due.at[index]! > now) continue;
        try {
          if (!(await this.fire(visit, index, steps[index]!))) break; // another replica moved this visit on: re-read next sweep
          fired++;
        } catch (error) {
          this.logger.error(`ladder step ${index} of visit ${visit.id} not fired: ${error instanceof Error ? error.stack : String(error)}`);
          break;
        }
      }
    }
    this.dueTimes = kept;
    return fired;
  }

  private dueTimesOf(visit: OpenVisit, steps: EscalationStep[], context: SweepContext): DueTimes {
    const found = context.stage(visit.processId, visit.stageKey)!;
    const { calendar, signature } = context.calendar(found.process, visit.stageKey);
    const key = `${signature}|${visit.slaDueAt}|${visit.slaPausedMs}`;
    const cached = this.dueTimes.get(visit.id);
    if (cached?.key === key) return cached;
    const clock = { enteredAt: visit.enteredAt, slaDueAt: visit.slaDueAt!, slaPausedMs: visit.slaPausedMs };
    return { key, at: steps.map((step) => ladderStepDueAt(calendar, clock, step)) };
  }

  /**
   * Claims and performs one step. A step the domain refuses (its template is gone, nobody is left
   * to notify, the target queue was deleted) is spent anyway and recorded as failed, so it is not
   * retried every few seconds forever; anything else leaves it for the next sweep.
   */
  private async fire(visit: OpenVisit, index: number, step: EscalationStep): Promise<boolean> {
    const fired = [...visit.ladderFired, index].sort((a, b) => a - b);
    let claimed: boolean;
    try {
      claimed = await this.db.transaction(async () => {
        if (!(await this.visits.claimLadderStep(visit, fired))) return false;
        await this.escalator.escalate(visit, index, step);
        return true;
      });
    } catch (error) {
      if (!(error instanceof HttpException)) throw error;
      claimed = await this.db.transaction(async () => {
        if (!(await this.visits.claimLadderStep(visit, fired))) return false;
        await this.events.record(SYSTEM_ACTOR, 'escalation.step_failed', { instanceId: visit.instanceId, entityId: visit.entityId }, {
          visitId: visit.id,
          stageKey: visit.stageKey,
          ladderStep: index,
          action: step.action,
          reason: error.message,
        });
        return true;
      });
    }
    if (claimed) {
      visit.ladderFired = fired;
      visit.ladderFiredText = JSON.stringify(fired);
    }
    return claimed;
  }
}
