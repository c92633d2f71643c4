import { Injectable } from '@nestjs/common';
import { Database } from '../database/database';
import { CalendarTable, QueueTable } from '../database/tables';

@Injectable()
export class CalendarsRepository {
  constructor(private readonly db: Database) {}

  /** An id wins over a key, so a calendar can never be shadowed by another calendar's key. */
  async findByIdOrKey(idOrKey: string): Promise<CalendarTable | null> {
    return (
      (await this.db.findOneBy(CalendarTable, { id: idOrKey })) ?? (await this.db.findOneBy(CalendarTable, { key: idOrKey }))
    );
  }

  findByKey(key: string): Promise<CalendarTable | null> {
    return this.db.findOneBy(CalendarTable, { key });
  }

  list(offset: number, limit: number): Promise<[CalendarTable[], number]> {
    return this.db.manager.findAndCount(CalendarTable, { order: { key: 'ASC' }, skip: offset, take: limit });
  }

  async insert(row: CalendarTable): Promise<void> {
    await this.db.insert(CalendarTable, row);
  }

  async update(id: string, changes: Partial<CalendarTable>): Promise<void> {
    await this.db.manager.update(CalendarTable, { id }, changes as Record<string, unknown>);
  }

  async delete(id: string): Promise<void> {
    await this.db.manager.delete(CalendarTable, { id });
  }

  queuesUsing(key: string): Promise<QueueTable[]> {
    return this.db.manager.find(QueueTable, { where: { calendarKey: key }, order: { key: 'ASC' } });
  }
}
