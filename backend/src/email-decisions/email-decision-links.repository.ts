import { Injectable } from '@nestjs/common';
import { Database } from '../database/database';
import { EmailDecisionLinkTable, EventTable, TaskTable, UserTable } from '../database/tables';

/** Decision links and what their pages read. Every method runs in the caller's transaction or read. */
@Injectable()
export class EmailDecisionLinksRepository {
  constructor(private readonly db: Database) {}

  insert(links: EmailDecisionLinkTable[]): Promise<void> {
    return this.db.insert(EmailDecisionLinkTable, links);
  }

  find(tokenHash: string): Promise<EmailDecisionLinkTable | null> {
    return this.db.findOneBy(EmailDecisionLinkTable, { tokenHash });
  }

  /** A decided task spends every link sent for it, whichever was used. */
  useAllOf(taskId: string, userId: string, now: number): Promise<number> {
    return this.db.update(EmailDecisionLinkTable, { taskId, usedAt: null }, { usedAt: now, usedBy: userId });
  }

  findTask(id: string): Promise<TaskTable | null> {
    return this.db.findOneBy(TaskTable, { id });
  }

  findUser(id: string): Promise<UserTable | null> {
    return this.db.findOneBy(UserTable, { id });
  }

  /** The decision's audit event names who decided, whether a person, an API key or the system. */
  findDecisionEvent(taskId: string): Promise<EventTable | null> {
    return this.db.findOneBy(EventTable, { taskId, type: 'task.decided' });
  }
}
