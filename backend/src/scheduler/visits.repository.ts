import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { Database } from '../database/database';
import { InstanceTable, QueueTable, StageVisitTable, TaskTable } from '../database/tables';

/** An open stage visit as the ladder and stall sweeps see it, with what they need of its instance. */
export interface OpenVisit {
  id: string;
  instanceId: string;
  entityId: string;
  processId: string;
  stageKey: string;
  stageName: string;
  ownerQueueId: string | null;
  enteredAt: number;
  slaDueAt: number | null;
  slaPausedMs: number;
  ladderFired: number[];
  /** The column's text as stored: the claim compares against it. */
  ladderFiredText: string;
}

interface RawVisit {
  id: string;
  instance_id: string;
  entity_id: string;
  process_id: string;
  stage_key: string;
  stage_name: string;
  owner_queue_id: string | null;
  entered_at: string | number;
  sla_due_at: string | number | null;
  sla_paused_ms: string | number;
  ladder_fired: string;
}

const COLUMNS = [
  'v.id AS id', 'v.instance_id AS instance_id', 'i.entity_id AS entity_id', 'i.process_id AS process_id',
  'v.stage_key AS stage_key', 'v.stage_name AS stage_name', 'v.owner_queue_id AS owner_queue_id', 'v.entered_at AS entered_at',
  'v.sla_due_at AS sla_due_at', 'v.sla_paused_ms AS sla_paused_ms', 'v.ladder_fired AS ladder_fired',
];

const toOpenVisit = (raw: RawVisit): OpenVisit => ({
  id: raw.id,
  instanceId: raw.instance_id,
  entityId: raw.entity_id,
  processId: raw.process_id,
  stageKey: raw.stage_key,
  stageName: raw.stage_name,
  ownerQueueId: raw.owner_queue_id,
  enteredAt: Number(raw.entered_at),
  slaDueAt: raw.sla_due_at === null ? null : Number(raw.sla_due_at),
  slaPausedMs: Number(raw.sla_paused_ms),
  ladderFired: JSON.parse(raw.ladder_fired) as number[],
  ladderFiredText: raw.ladder_fired,
});

@Injectable()
export class VisitsRepository {
  constructor(private readonly db: Database) {}

  /** Visits whose SLA clock is running, of instances still open. The query builder joins the instance. */
  async runningClocks(): Promise<OpenVisit[]> {
    const rows = await this.openVisits()
      .andWhere('v.sla_due_at IS NOT NULL AND v.sla_paused_at IS NULL')
      .getRawMany<RawVisit>();
    return rows.map(toOpenVisit);
  }

  /** Visits of open instances that have not been reported stalled in this stage yet. */
  async notYetStalled(): Promise<OpenVisit[]> {
    return (await this.openVisits().andWhere('i.stalled_at IS NULL').getRawMany<RawVisit>()).map(toOpenVisit);
  }

  private openVisits() {
    return this.db.manager
      .createQueryBuilder(StageVisitTable, 'v')
      .innerJoin(InstanceTable, 'i', 'i.id = v.instance_id')
      .select(COLUMNS)
      .where("v.exited_at IS NULL AND i.status IN ('active', 'waiting')");
  }

  /**
   * Claims one ladder step: the update only lands while the fired list is still what this replica
   * read, so of two replicas firing the same step, one changes the row and the other changes nothing.
   */
  async claimLadderStep(visit: OpenVisit, fired: number[]): Promise<boolean> {
    const result = await this.db.manager
      .createQueryBuilder()
      .update(StageVisitTable)
      .set({ ladderFired: fired })
      .where('id = :id AND ladder_fired = :read AND exited_at IS NULL AND sla_paused_at IS NULL', {
        id: visit.id,
        read: visit.ladderFiredText,
      })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  /** Marks the instance stalled, only while it still sits in the visit that stalled and was not marked yet. */
  async claimStall(visit: OpenVisit, now: number): Promise<boolean> {
    const result = await this.db.manager
      .createQueryBuilder()
      .update(InstanceTable)
      .set({ stalledAt: now })
      .where("id = :instanceId AND stalled_at IS NULL AND status IN ('active', 'waiting')", { instanceId: visit.instanceId })
      .andWhere('EXISTS (SELECT 1 FROM stage_visits sv WHERE sv.id = :visitId AND sv.exited_at IS NULL)', { visitId: visit.id })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  openTasksOfStage(instanceId: string, stageKey: string): Promise<TaskTable[]> {
    return this.db.manager.find(TaskTable, {
      where: { instanceId, stageKey, status: In(['open', 'claimed']) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  findQueue(id: string): Promise<QueueTable | null> {
    return this.db.manager.findOneBy(QueueTable, { id });
  }
}
