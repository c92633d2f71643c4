import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { In } from 'typeorm';
import { type Actor, SYSTEM_ACTOR } from '../auth/actor';
import { Clock } from '../common/clock';
import { iso } from '../common/time';
import { Database } from '../database/database';
import { OutboxTable, TaskTable, TimerTable } from '../database/tables';
import { EventsService } from '../events/events.service';
import { toInstanceResponse } from '../instances/instances.dto';
import { OutboxService } from '../outbox/outbox.service';
import { TakeResumeDto, TakeResumeResponse } from './waits.dto';
import { WaitKind, WaitRow, WaitsRepository } from './waits.repository';

/**
 * An n8n execution has one resume URL for all its waits, and waits on one thing at a time.
 * So when it registers a new wait (a task or a timer), whatever it waited on before with the
 * same URL is over — n8n timed it out or moved on — and a late decision or timer for it must
 * not resume the new wait. Call inside the transaction that registers the new wait.
 */
@Injectable()
export class WaitsService {
  constructor(
    private readonly db: Database,
    private readonly repository: WaitsRepository,
    private readonly events: EventsService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  /**
   * Called by the waiting n8n node when a signed resume reaches it, before it lets the execution go
   * on. Deliveries are at-least-once (a backend stopped between the call and marking it delivered
   * sends it again), so a wait resumes its execution once: the first delivery to take it wins, and a
   * delivery for an earlier wait can never be taken by a later wait on the same resume URL. A timer
   * taken while still pending (an in-process wait that woke before the scheduler fired it) ran now.
   *
   * The call that took a wait takes it again when it comes back (same `deliveryKey`): its node never
   * heard the first answer (the replica that gave it died, the connection broke), so the execution
   * did not go on. Had it gone on, n8n would not run the node for that call again (409 while the
   * execution runs or once it finished) or a later wait would have superseded this one.
   */
  async take(dto: TakeResumeDto): Promise<TakeResumeResponse> {
    const [kind, id] = waitOf(dto);
    return this.db.transaction(async () => {
      const wait = await this.repository.find(kind, id);
      if (!wait) throw new NotFoundException(`There is no ${kind} ${id}.`);
      const again = wait.resumedAt !== null && dto.deliveryKey !== undefined && wait.takenBy === dto.deliveryKey;
      if (wait.resumedAt !== null && !again) return { taken: false, reason: 'already-taken', instance: null };
      if (wait.resumeUrl) {
        const latest = await this.repository.latestOn(wait.resumeUrl);
        if (latest && latest.id !== wait.id) return { taken: false, reason: 'superseded', instance: null };
      }
      if (again) return { taken: true, reason: null, instance: await this.caseOf(wait) };
      const now = this.clock.now();
      if (!(await this.repository.markResumed(kind, id, now, dto.deliveryKey ?? null))) {
        return { taken: false, reason: 'already-taken', instance: null };
      }
      if (kind === 'timer') await this.recordRan(id, now);
      return { taken: true, reason: null, instance: await this.caseOf(wait) };
    });
  }

  /**
   * A case that closes lets go of every execution still waiting on it: each resume URL gets one
   * signed "released" call for the wait it is on, and the node ends that execution quietly. Call
   * inside the closing transaction, before its tasks and timers are cancelled.
   */
  async releaseForInstance(instanceId: string, reason: 'completed' | 'cancelled'): Promise<number> {
    const latestByUrl = new Map<string, WaitRow>();
    for (const wait of await this.repository.openWaitsOf(instanceId)) {
      const seen = latestByUrl.get(wait.resumeUrl!);
      if (!seen || wait.createdAt > seen.createdAt) latestByUrl.set(wait.resumeUrl!, wait);
    }
    for (const wait of latestByUrl.values()) {
      await this.outbox.enqueue({
        kind: 'n8n_resume',
        target: wait.resumeUrl,
        payload: { kind: 'released', [wait.kind === 'task' ? 'taskId' : 'timerId']: wait.id, instanceId, reason },
        idempotencyKey: `${wait.kind}:${wait.id}:released`,
        instanceId,
      });
    }
    return latestByUrl.size;
  }

  /** The timeline then says the wait ran, and when, instead of "cancelled" once its case closes. */
  private async recordRan(timerId: string, at: number): Promise<void> {
    const timer = await this.repository.markTimerRan(timerId, at);
    if (!timer) return;
    const entityId = timer.instanceId ? ((await this.repository.findInstance(timer.instanceId))?.entityId ?? null) : null;
    await this.events.record(SYSTEM_ACTOR, 'timer.fired', { instanceId: timer.instanceId, entityId }, {
      timerId: timer.id,
      label: timer.label,
      fireAt: iso(timer.fireAt),
      firedAt: iso(at),
      lateMs: at - timer.fireAt,
      inProcess: timer.resumeUrl === null,
    });
  }

  private async caseOf(wait: WaitRow) {
    if (!wait.instanceId) return null;
    const instance = await this.repository.findInstance(wait.instanceId);
    if (!instance) return null;
    const [entity, visit] = await Promise.all([
      this.repository.findEntity(instance.entityId),
      this.repository.findOpenVisit(instance.id),
    ]);
    return toInstanceResponse(instance, entity, visit);
  }

  async supersede(actor: Actor, resumeUrl: string): Promise<void> {
    const now = this.clock.now();
    // Each lookup is an index search (ix_*_resume_url*): an execution's new wait must not scan
    // every task ever made. The open statuses are literal SQL so the partial task index applies
    // (with bound values the planner cannot prove the index's condition and scans the table).
    const tasks = await this.db.manager
      .createQueryBuilder(TaskTable, 't')
      .where('t.resumeUrl = :resumeUrl', { resumeUrl })
      .andWhere("t.status IN ('open', 'claimed')")
      .getMany();
    for (const task of tasks) {
      await this.db.manager.update(TaskTable, { id: task.id, status: In(['open', 'claimed']) }, { status: 'cancelled', updatedAt: now });
      await this.events.record(actor, 'task.superseded', { instanceId: task.instanceId, taskId: task.id }, { reason: 'the execution waits for something else now' });
    }
    const timers = await this.db.manager
      .createQueryBuilder(TimerTable, 't')
      .where('t.resumeUrl = :resumeUrl', { resumeUrl })
      .andWhere("t.status = 'pending'")
      .getMany();
    for (const timer of timers) {
      await this.db.manager.update(TimerTable, { id: timer.id, status: 'pending' }, { status: 'cancelled' });
      await this.events.record(actor, 'timer.superseded', { instanceId: timer.instanceId }, { timerId: timer.id });
    }
    await this.db.manager
      .createQueryBuilder()
      .update(OutboxTable)
      .set({ status: 'dead', lastError: 'superseded: the execution was already waiting for something else', lockedUntil: null })
      .where('target = :resumeUrl', { resumeUrl })
      .andWhere("kind = 'n8n_resume'")
      .andWhere("status = 'pending'")
      .execute();
  }
}

function waitOf(dto: TakeResumeDto): [WaitKind, string] {
  if (Boolean(dto.taskId) === Boolean(dto.timerId)) {
    throw new BadRequestException({
      message: 'taskId: give either taskId or timerId, the wait the resume call was for',
      details: [{ field: 'taskId', messages: ['give either taskId or timerId'] }],
    });
  }
  return dto.taskId ? ['task', dto.taskId] : ['timer', dto.timerId!];
}
