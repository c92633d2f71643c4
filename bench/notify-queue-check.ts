/**
 * What bench/notify-queue.ts checks once the fan-out has drained: that B really notified
 * everyone, so its figures speak of the work they claim to.
 */
import type Database from 'better-sqlite3';
import { DECISIONS, MEMBERS } from './notify-queue-setup';

/**
 * The bench's claim rests on B really notifying: every task in `crowd` the fan-out has done (its job
 * gone) has one link per decision for each of the 50 members, no task in `quiet` has any, each member
 * got one email per such task, and no task whose job is still queued has any yet.
 */
export function checkNotifications(db: Database.Database): string[] {
  const problems: string[] = [];
  // Read apart and joined here: notification_jobs has no index on task_id (nothing else looks a job up by task).
  const pending = new Set((db.prepare('SELECT task_id AS id FROM notification_jobs WHERE task_id IS NOT NULL').all() as Array<{ id: string }>).map((row) => row.id));
  const tasks = (
    db
      .prepare(`SELECT t.id AS id, q.key AS queue, COUNT(l.token_hash) AS links, COUNT(DISTINCT l.user_id) AS people
                  FROM tasks t JOIN queues q ON q.id = t.queue_id LEFT JOIN email_decision_links l ON l.task_id = t.id GROUP BY t.id`)
      .all() as Array<{ id: string; queue: string; links: number; people: number }>
  ).map((task) => ({ ...task, pending: pending.has(task.id) ? 1 : 0 }));
  const crowd = tasks.filter((t) => t.queue === 'crowd' && !t.pending);
  const expected = (t: { queue: string; pending: number }) => (t.queue === 'crowd' && !t.pending ? MEMBERS * DECISIONS.length : 0);
  const wrong = tasks.filter((t) => t.links !== expected(t) || (expected(t) > 0 && t.people !== MEMBERS));
  if (crowd.length === 0) problems.push('no task was created in the crowded queue');
  if (wrong.length) problems.push(`${wrong.length} of ${tasks.length} tasks do not have ${MEMBERS * DECISIONS.length} decision links (crowd) or none (quiet)`);
  const perPerson = db.prepare("SELECT recipients, COUNT(*) AS n FROM messages WHERE kind = 'admin' GROUP BY recipients").all() as Array<{ recipients: string; n: number }>;
  if (perPerson.length !== MEMBERS || perPerson.some((p) => p.n !== crowd.length)) {
    problems.push(`expected ${MEMBERS} members with ${crowd.length} emails each, found ${perPerson.map((p) => `${p.recipients}: ${p.n}`).join(', ')}`);
  }
  const emails = (db.prepare("SELECT COUNT(*) AS n FROM outbox WHERE kind = 'email'").get() as { n: number }).n;
  if (emails !== MEMBERS * crowd.length) problems.push(`outbox holds ${emails} emails, expected ${MEMBERS * crowd.length}`);
  return problems;
}

/** Tasks of the crowded queue the fan-out has done (their job gone). */
export function crowdTasksDone(db: Database.Database): number {
  const crowd = (db.prepare("SELECT COUNT(*) AS n FROM tasks t JOIN queues q ON q.id = t.queue_id WHERE q.key = 'crowd'").get() as { n: number }).n;
  const pending = (db.prepare("SELECT COUNT(*) AS n FROM notification_jobs j JOIN tasks t ON t.id = j.task_id JOIN queues q ON q.id = t.queue_id WHERE q.key = 'crowd'").get() as { n: number }).n;
  return crowd - pending;
}
