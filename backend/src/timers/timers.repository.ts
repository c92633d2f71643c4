import { Injectable } from '@nestjs/common';
import { FindOperator, FindOptionsWhere, Not, IsNull } from 'typeorm';
import { Database } from '../database/database';
import { CalendarTable, EntityTable, InstanceTable, ProcessTable, TimerStatus, TimerTable } from '../database/tables';

@Injectable()
export class TimersRepository {
  constructor(private readonly db: Database) {}

  findInstance(id: string): Promise<InstanceTable | null> {
    return this.db.manager.findOneBy(InstanceTable, { id });
  }

  findEntity(id: string): Promise<EntityTable | null> {
    return this.db.manager.findOneBy(EntityTable, { id });
  }

  async findProcessCalendarKey(processId: string): Promise<string | null> {
    const process = await this.db.manager.findOne(ProcessTable, { where: { id: processId }, select: { id: true, calendarKey: true } });
    return process?.calendarKey ?? null;
  }

  findCalendar(key: string): Promise<CalendarTable | null> {
    return this.db.manager.findOneBy(CalendarTable, { key });
  }

  async insert(row: TimerTable): Promise<void> {
    await this.db.insert(TimerTable, row);
  }

  findByRequestKey(requestKey: string): Promise<TimerTable | null> {
    return this.db.manager.findOneBy(TimerTable, { requestKey });
  }

  findById(id: string): Promise<TimerTable | null> {
    return this.db.manager.findOneBy(TimerTable, { id });
  }

  /** `instanceId` may be a condition on the timer's case (CaseScopeService) for callers who see only some cases. */
  list(filter: { instanceId?: string | FindOperator<string>; status?: TimerStatus }, limit: number, offset: number): Promise<[TimerTable[], number]> {
    const where: FindOptionsWhere<TimerTable> = {};
    if (filter.instanceId) where.instanceId = filter.instanceId;
    if (filter.status) where.status = filter.status;
    return this.db.manager.findAndCount(TimerTable, { where, order: { fireAt: 'ASC', id: 'ASC' }, take: limit, skip: offset });
  }

  /** Open cases of an entity that have a pending timer anchored on a field. */
  async instancesWithAnchoredTimers(entityId: string): Promise<string[]> {
    // The query builder is needed for the join from timers to their instances.
    const rows = await this.db.manager
      .createQueryBuilder(TimerTable, 't')
      .innerJoin(InstanceTable, 'i', 'i.id = t.instance_id')
      .select('DISTINCT t.instance_id', 'instanceId')
      .where("t.status = 'pending' AND t.anchor_field IS NOT NULL AND i.entity_id = :entityId", { entityId })
      .getRawMany<{ instanceId: string }>();
    return rows.map((r) => r.instanceId);
  }

  listPending(instanceId: string, anchoredOnly = false): Promise<TimerTable[]> {
    const where: FindOptionsWhere<TimerTable> = { instanceId, status: 'pending' };
    if (anchoredOnly) where.anchorField = Not(IsNull());
    return this.db.manager.find(TimerTable, { where, order: { fireAt: 'ASC' } });
  }

  /** Conditional on the timer still pending, so a cancel racing the scheduler's fire cannot both win. */
  async cancel(id: string): Promise<boolean> {
    const result = await this.db.manager.update(TimerTable, { id, status: 'pending' }, { status: 'cancelled' });
    return (result.affected ?? 0) === 1;
  }

  /** Conditional on the timer still pending, like cancel(). */
  async reschedule(id: string, changes: Pick<TimerTable, 'anchorAt' | 'fireAt' | 'movedAt'> & Partial<Pick<TimerTable, 'status' | 'firedAt'>>): Promise<boolean> {
    const result = await this.db.manager.update(TimerTable, { id, status: 'pending' }, changes);
    return (result.affected ?? 0) === 1;
  }
}
