import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { newId } from '../common/ids';
import { Database } from '../database/database';
import { CaseExecutionTable, ExecutionStatus, InstanceFailure, InstanceTable, OutboxTable } from '../database/tables';
import { skipLocked, updateReturning } from '../scheduler/sql';

export interface SeenExecution {
  instanceId: string;
  executionId: string;
  workflowId: string | null;
}

/** Statuses that may still change; the others are n8n's last word. */
const OPEN_STATUSES: ExecutionStatus[] = ['running', 'waiting', 'unknown'];

@Injectable()
export class ExecutionsRepository {
  constructor(private readonly db: Database) {}

  /**
   * Links an execution to a case, or notes that it was seen again. An execution that calls in is
   * running, whatever an earlier check found (waiting, or not yet known to n8n).
   */
  async noteSeen(seen: SeenExecution, now: number): Promise<void> {
    const row: CaseExecutionTable = {
      id: newId(),
      ...seen,
      status: 'running',
      error: null,
      firstSeenAt: now,
      lastSeenAt: now,
      checkedAt: null,
    };
    if (await this.db.insertIfAbsent(CaseExecutionTable, row)) return;
    const where = { instanceId: seen.instanceId, executionId: seen.executionId };
    await this.db.update(CaseExecutionTable, where, { lastSeenAt: now, ...(seen.workflowId ? { workflowId: seen.workflowId } : {}) });
    // An open link's error is only a note of n8n not finding it yet (see ExecutionSweep).
    await this.db.update(CaseExecutionTable, { ...where, status: OPEN_STATUSES }, { status: 'running', error: null });
  }

  /**
   * Claims the links due for a look in n8n: of open cases, running ones not checked for
   * `runningEvery` ms, waiting ones (they fail only once resumed) not for `waitingEvery` ms. The
   * claim stamps checked_at, so on PostgreSQL each check is made by one replica (SKIP LOCKED).
   * Raw SQL because the query builder cannot express UPDATE … WHERE id IN (SELECT … SKIP LOCKED).
   */
  async claimDueChecks(now: number, runningEvery: number, waitingEvery: number, limit: number): Promise<CaseExecutionTable[]> {
    const rows = await updateReturning<{ id: string }>(
      this.db,
      `UPDATE case_executions SET checked_at = $1
        WHERE id IN (
          SELECT ce.id FROM case_executions ce JOIN instances i ON i.id = ce.instance_id
           WHERE i.status IN ('active', 'waiting')
             AND ((ce.status = 'running' AND (ce.checked_at IS NULL OR ce.checked_at <= $2))
               OR (ce.status = 'waiting' AND (ce.checked_at IS NULL OR ce.checked_at <= $3)))
           ORDER BY COALESCE(ce.checked_at, 0) LIMIT $4 ${skipLocked(this.db, 'ce')})
          AND (checked_at IS NULL OR checked_at <= $2)
        RETURNING id`,
      [now, now - runningEvery, now - waitingEvery, limit],
    );
    return rows.length ? this.db.manager.findBy(CaseExecutionTable, { id: In(rows.map((r) => r.id)) }) : [];
  }

  /** Records what n8n said, unless a newer word (a call from the execution) changed the link meanwhile. */
  async saveCheck(link: CaseExecutionTable, changes: Pick<CaseExecutionTable, 'status' | 'error'> & { workflowId?: string | null }): Promise<boolean> {
    const written = await this.db.update(CaseExecutionTable, { id: link.id, status: link.status }, changes);
    return written === 1;
  }

  find(instanceId: string, executionId: string): Promise<CaseExecutionTable | null> {
    return this.db.findOneBy(CaseExecutionTable, { instanceId, executionId });
  }

  listForInstance(instanceId: string): Promise<CaseExecutionTable[]> {
    // Ids are time-ordered (UUIDv7): they keep links first seen in the same millisecond in order.
    return this.db.findBy(CaseExecutionTable, { instanceId }, { firstSeenAt: 'ASC', id: 'ASC' });
  }

  /** A resumed execution runs again: check it on the running cadence. */
  async markResumed(instanceId: string, executionId: string): Promise<void> {
    await this.db.update(CaseExecutionTable, { instanceId, executionId, status: OPEN_STATUSES }, { status: 'running' });
  }

  findInstance(id: string): Promise<InstanceTable | null> {
    return this.db.findOneBy(InstanceTable, { id });
  }

  /** Open (active or waiting) → failed; false when the case was closed or had failed already. */
  async failInstance(id: string, failure: InstanceFailure, now: number): Promise<boolean> {
    const written = await this.db.update(InstanceTable, { id, status: ['active', 'waiting'] }, { status: 'failed', failure, updatedAt: now });
    return written === 1;
  }

  /** failed → active; false when someone else acted on the case first. */
  async reactivateInstance(id: string, now: number): Promise<boolean> {
    return (await this.db.update(InstanceTable, { id, status: 'failed' }, { status: 'active', updatedAt: now })) === 1;
  }

  async clearFailure(id: string, now: number): Promise<void> {
    await this.db.update(InstanceTable, { id, status: 'active' }, { failure: null, updatedAt: now });
  }

  /** Puts a case back to failed when its retry could not be made (the failure was kept meanwhile). */
  async restoreFailed(id: string, now: number): Promise<void> {
    await this.db.update(InstanceTable, { id, status: 'active' }, { status: 'failed', updatedAt: now });
  }

  findDelivery(id: string): Promise<OutboxTable | null> {
    return this.db.findOneBy(OutboxTable, { id });
  }

  /** Dead resume calls of a case, by wait ("timer:<id>:fired" → the timer), for the case page. */
  deadResumes(instanceId: string): Promise<OutboxTable[]> {
    return this.db.findBy(OutboxTable, { instanceId, kind: 'n8n_resume', status: 'dead' });
  }
}
