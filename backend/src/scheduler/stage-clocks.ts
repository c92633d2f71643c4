import { Injectable } from '@nestjs/common';
import { ALWAYS_OPEN, BusinessCalendar } from '../calendars/business-time';
import { DEFAULT_CALENDAR_KEY } from '../calendars/calendars.service';
import { Database } from '../database/database';
import type { ProcessTable, StageDefinition } from '../database/tables';
import { stageCalendarKey } from '../instances/sla.service';
import { SchedulerRepository } from './scheduler.repository';

export interface StageCalendar {
  calendar: BusinessCalendar;
  /** Changes whenever the calendar does, so times computed on it can be cached against it. */
  signature: string;
}

/** What one sweep knows about processes and calendars. */
export interface SweepContext {
  stage(processId: string, stageKey: string): { process: ProcessTable; stage: StageDefinition } | null;
  calendar(process: ProcessTable, stageKey: string): StageCalendar;
}

/**
 * Process versions and calendars for the sweeps. Instances only ever run published versions,
 * which never change, so those are kept; calendars can be edited, so they are read per sweep.
 */
@Injectable()
export class StageClocks {
  private readonly processes = new Map<string, ProcessTable>();

  constructor(
    private readonly db: Database,
    private readonly repository: SchedulerRepository,
  ) {}

  async load(processIds: string[]): Promise<SweepContext> {
    const missing = [...new Set(processIds)].filter((id) => !this.processes.has(id));
    const calendars = await this.db.read(async () => {
      for (const row of await this.repository.processesById(missing)) this.processes.set(row.id, row);
      return this.repository.allCalendars();
    });
    const byKey = new Map(calendars.map((row) => [row.key, row]));
    return {
      stage: (processId, stageKey) => {
        const process = this.processes.get(processId);
        const stage = process?.stages.find((candidate) => candidate.key === stageKey);
        return process && stage ? { process, stage } : null;
      },
      calendar: (process, stageKey) => {
        const row = byKey.get(stageCalendarKey(process, stageKey)) ?? byKey.get(DEFAULT_CALENDAR_KEY);
        return row ? { calendar: row, signature: `${row.key}@${row.updatedAt}` } : { calendar: ALWAYS_OPEN, signature: '24/7' };
      },
    };
  }
}
