import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import { Database } from '../database/database';
import { EntityTable, InstanceTable, StageVisitTable, TaskTable, TimerTable } from '../database/tables';

export type WaitKind = 'task' | 'timer';

/** A task or timer seen as what an n8n execution waits on. */
export interface WaitRow {
  kind: WaitKind;
  id: string;
  instanceId: string | null;
  resumeUrl: string | null;
  resumedAt: number | null;
  /** The resume call that took it, when it said which (see WaitsService.take). */
  takenBy?: string | null;
  createdAt: number;
}

const table = (kind: WaitKind) => (kind === 'task' ? TaskTable : TimerTable);

@Injectable()
export class WaitsRepository {
  constructor(private readonly db: Database) {}

  async find(kind: WaitKind, id: string): Promise<WaitRow | null> {
    const row = await this.db.manager.findOne(table(kind), {
      where: { id },
      select: { id: true, instanceId: true, resumeUrl: true, resumedAt: true, takenBy: true, createdAt: true },
    });
    return row ? { kind, ...row } : null;
  }

  /** The wait registered last on a resume URL: the one its execution waits on now (ids are time-ordered). */
  async latestOn(resumeUrl: string): Promise<{ kind: WaitKind; id: string; createdAt: number } | null> {
    const order = { createdAt: 'DESC', id: 'DESC' } as const;
    const select = { id: true, createdAt: true } as const;
    const [task, timer] = await Promise.all([
      this.db.manager.findOne(TaskTable, { where: { resumeUrl }, order, select }),
      this.db.manager.findOne(TimerTable, { where: { resumeUrl }, order, select }),
    ]);
    const candidates: Array<{ kind: WaitKind; id: string; createdAt: number }> = [];
    if (task) candidates.push({ kind: 'task', ...task });
    if (timer) candidates.push({ kind: 'timer', ...timer });
    candidates.sort((a, b) => b.createdAt - a.createdAt || (b.id > a.id ? 1 : -1));
    return candidates[0] ?? null;
  }

  /** Conditional on nobody having taken it, so two deliveries racing for one wait cannot both win. */
  async markResumed(kind: WaitKind, id: string, at: number, takenBy: string | null): Promise<boolean> {
    const result = await this.db.manager.update(table(kind), { id, resumedAt: IsNull() }, { resumedAt: at, takenBy });
    return (result.affected ?? 0) === 1;
  }

  /**
   * A timer still pending when its execution goes on ran: its time came in the caller's process
   * (an in-process wait) before the scheduler fired it. Marked fired so closing the case cannot
   * cancel it afterwards and the scheduler does not fire it again. Conditional like markResumed.
   */
  async markTimerRan(id: string, at: number): Promise<TimerTable | null> {
    const result = await this.db.manager.update(TimerTable, { id, status: 'pending' }, { status: 'fired', firedAt: at });
    return (result.affected ?? 0) === 1 ? this.db.manager.findOneBy(TimerTable, { id }) : null;
  }

  /** What executions still wait on for a case: its open tasks and pending timers that have a resume URL. */
  async openWaitsOf(instanceId: string): Promise<WaitRow[]> {
    const select = { id: true, instanceId: true, resumeUrl: true, resumedAt: true, createdAt: true } as const;
    const [tasks, timers] = await Promise.all([
      this.db.manager.find(TaskTable, { where: [{ instanceId, status: 'open' }, { instanceId, status: 'claimed' }], select }),
      this.db.manager.find(TimerTable, { where: { instanceId, status: 'pending' }, select }),
    ]);
    return [
      ...tasks.map((t) => ({ kind: 'task' as const, ...t })),
      ...timers.map((t) => ({ kind: 'timer' as const, ...t })),
    ].filter((wait) => wait.resumeUrl !== null);
  }

  findInstance(id: string): Promise<InstanceTable | null> {
    return this.db.findOneBy(InstanceTable, { id });
  }

  findEntity(id: string): Promise<EntityTable | null> {
    return this.db.findOneBy(EntityTable, { id });
  }

  findOpenVisit(instanceId: string): Promise<StageVisitTable | null> {
    return this.db.findOneBy(StageVisitTable, { instanceId, exitedAt: null });
  }
}
