/** The inbox's filters live in the URL, so a filtered view can be bookmarked and shared. */

export type SortKey = 'due' | 'priority' | 'age';
export type AssigneeFilter = '' | 'me' | 'unassigned';

export interface InboxFilters {
  queue: string;
  process: string;
  stage: string;
  priority: string;
  assignee: AssigneeFilter;
  overdue: boolean;
  sort: SortKey;
  order: 'asc' | 'desc';
  offset: number;
}

export const PAGE_SIZE = 25;

const SORTS: SortKey[] = ['due', 'priority', 'age'];

/** The natural direction of each sort: soonest due, most urgent, oldest first. */
export const DEFAULT_ORDER: Record<SortKey, 'asc' | 'desc'> = { due: 'asc', priority: 'desc', age: 'asc' };

export function parseInboxFilters(params: URLSearchParams): InboxFilters {
  const sort = (SORTS as string[]).includes(params.get('sort') ?? '') ? (params.get('sort') as SortKey) : 'due';
  const order = params.get('order') === 'asc' || params.get('order') === 'desc' ? (params.get('order') as 'asc' | 'desc') : DEFAULT_ORDER[sort];
  const assignee = params.get('assignee');
  const offset = Number(params.get('offset') ?? 0);
  return {
    queue: params.get('queue') ?? '',
    process: params.get('process') ?? '',
    stage: params.get('stage') ?? '',
    priority: /^[1-4]$/.test(params.get('priority') ?? '') ? (params.get('priority') as string) : '',
    assignee: assignee === 'me' || assignee === 'unassigned' ? assignee : '',
    overdue: params.get('overdue') === 'true',
    sort,
    order,
    offset: Number.isInteger(offset) && offset > 0 ? offset : 0,
  };
}

/** Only what differs from the defaults goes into the URL. */
export function toSearchParams(filters: InboxFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.queue) params.set('queue', filters.queue);
  if (filters.process) params.set('process', filters.process);
  if (filters.stage) params.set('stage', filters.stage);
  if (filters.priority) params.set('priority', filters.priority);
  if (filters.assignee) params.set('assignee', filters.assignee);
  if (filters.overdue) params.set('overdue', 'true');
  if (filters.sort !== 'due') params.set('sort', filters.sort);
  if (filters.order !== DEFAULT_ORDER[filters.sort]) params.set('order', filters.order);
  if (filters.offset > 0) params.set('offset', String(filters.offset));
  return params;
}

/** The GET /tasks query for these filters: one page, sorted and filtered by the server. */
export function toTaskQuery(filters: InboxFilters): Record<string, string | number | boolean | undefined> {
  return {
    queue: filters.queue || undefined,
    processKey: filters.process || undefined,
    stageKey: filters.stage || undefined,
    priority: filters.priority ? Number(filters.priority) : undefined,
    assignee: filters.assignee || undefined,
    overdue: filters.overdue ? true : undefined,
    sort: filters.sort,
    order: filters.order,
    limit: PAGE_SIZE,
    offset: filters.offset,
  };
}

/** Changing any filter goes back to the first page. */
export function withFilter(filters: InboxFilters, change: Partial<InboxFilters>): InboxFilters {
  const next = { ...filters, ...change };
  if (!('offset' in change)) next.offset = 0;
  if ('process' in change && change.process !== filters.process) next.stage = '';
  if ('sort' in change && !('order' in change) && change.sort) next.order = DEFAULT_ORDER[change.sort];
  return next;
}
