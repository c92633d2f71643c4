/**
 * What the year-of-history bench times: the requests the UI makes, each with the target issue 15
 * sets on its p99 (reports 300 ms, inbox queries 50 ms, a case page 100 ms; the live map has none).
 */
import type { DataSource } from 'typeorm';
import { EscalationTable, TaskTable } from '../backend/dist/database/tables';
import { DAY } from './live-map-seed';
import { PROCESSES, QUEUES } from './year-of-history-seed';

export interface Query {
  name: string;
  group: 'baseline' | 'report' | 'inbox' | 'case page' | 'live map';
  samples: number;
  /** The p99 to stay under, in ms; null where none is set. */
  target: number | null;
  /** GET paths under /api/v1, sent in parallel; the sample lasts until the last one answers. */
  paths: string[];
}

const REPORTS = ['volume', 'caseload', 'time-in-stage', 'overdue', 'stalled', 'decisions', 'escalations', 'outcomes', 'messages'];
/** The inbox's first page as editor-ui/src/features/inbox/inbox-filters.ts asks for it. */
const PAGE = 'limit=25&offset=0';

/** Picks the cases the case page shows: a closed one that was escalated, and an open one waiting on its task. */
export async function yearQueries(source: DataSource, now: number): Promise<Query[]> {
  const escalation = await source.manager.findOneOrFail(EscalationTable, { where: {}, order: { createdAt: 'ASC' } });
  const openTask = await source.manager.findOneOrFail(TaskTable, { where: { status: 'open' }, order: { dueAt: 'ASC' } });
  const yearAgo = new Date(now - 365 * DAY).toISOString().slice(0, 10);
  const report = (name: string, label: string, query: string): Query => ({ name: `report ${name}, ${label}`, group: 'report', samples: 30, target: 300, paths: [`/reports/${name}${query}`] });
  const inbox = (name: string, path: string): Query => ({ name: `inbox: ${name}`, group: 'inbox', samples: 60, target: 50, paths: [path] });
  const casePage = (name: string, paths: string[]): Query => ({ name, group: 'case page', samples: 60, target: 100, paths });
  const page = (id: string) => [`/instances/${id}`, `/instances/${id}/documents`];
  return [
    ...REPORTS.flatMap((name) => [
      report(name, 'default period (all)', ''),
      report(name, `a year (from ${yearAgo})`, `?from=${yearAgo}`),
      report(name, `one process (${PROCESSES[0]})`, `?processKey=${PROCESSES[0]}`),
    ]),
    inbox('open tasks by due', `/tasks?sort=due&order=asc&${PAGE}`),
    inbox('by priority', `/tasks?sort=priority&order=desc&${PAGE}`),
    inbox(`unassigned in one queue (${QUEUES[0]})`, `/tasks?queue=${QUEUES[0]}&assignee=unassigned&sort=due&order=asc&${PAGE}`),
    inbox('mine', `/tasks?assignee=me&sort=due&order=asc&${PAGE}`),
    inbox('overdue', `/tasks?overdue=true&sort=due&order=asc&${PAGE}`),
    inbox('counts per queue', '/tasks/counts'),
    casePage('case page, a closed escalated case', page(escalation.instanceId)),
    casePage('… its detail alone (GET /instances/:id)', page(escalation.instanceId).slice(0, 1)),
    casePage('… its documents alone', page(escalation.instanceId).slice(1)),
    casePage('case page, an open case', page(openTask.instanceId)),
    { name: `live map of ${PROCESSES[0]}, default period (30 days)`, group: 'live map', samples: 30, target: null, paths: [`/processes/${PROCESSES[0]}/live-map`] },
  ];
}
