import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { Empty, ErrorNotice, Loading } from '../../components/page-state';
import { Pager } from '../../components/pager';
import { moveCursor } from '../../lib/shortcuts';
import { useSession } from '../../session/session';
import { useTasks } from '../task/task-api';
import type { BulkResult } from './bulk-decide';
import { BulkDecideBar } from './bulk-decide-bar';
import { InboxFilterBar } from './inbox-filter-bar';
import { PAGE_SIZE, parseInboxFilters, toSearchParams, toTaskQuery, withFilter, type InboxFilters } from './inbox-filters';
import { QueueCounts } from './queue-counts';
import { ShortcutHelp } from './shortcut-help';
import { TaskTable } from './task-table';
import { useInboxActions } from './use-inbox-actions';
import { useInboxShortcuts } from './use-inbox-shortcuts';

export function InboxPage() {
  const { me, can } = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filters = parseInboxFilters(params);
  const tasks = useTasks(toTaskQuery(filters));
  const items = tasks.data?.items ?? [];
  const [cursor, setCursor] = useState(-1);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [helpOpen, setHelpOpen] = useState(false);
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const canAct = can('tasks:write');
  const current = items[Math.min(cursor, items.length - 1)];

  const update = (change: Partial<InboxFilters>) => {
    setParams(toSearchParams(withFilter(filters, change)));
    setCursor(-1);
    setSelected(new Set());
  };
  const actions = useInboxActions({ myId: me?.id ?? null, onNotice: setNotice, openTask: (id, decision) => void navigate(`/tasks/${id}${decision ? `?decision=${decision}` : ''}`) });

  const toggle = (id: string) =>
    setSelected((previous) => {
      const next = new Set(previous);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  useInboxShortcuts((action) => {
    if (action.type === 'help') return setHelpOpen((open) => !open);
    if (action.type === 'close') return setHelpOpen(false);
    if (action.type === 'next') return setCursor((c) => moveCursor(Math.min(c, items.length - 1), 1, items.length));
    if (action.type === 'previous') return setCursor((c) => moveCursor(Math.min(c, items.length - 1), -1, items.length));
    if (!current) return;
    if (action.type === 'open') return actions.open(current);
    if (action.type === 'toggle-select' && canAct) return toggle(current.id);
    if (action.type === 'claim' && canAct) return actions.toggleClaim(current);
    if (action.type === 'decide' && canAct) return actions.decideByIndex(current, action.index);
  }, !helpOpen);

  const bulkDone = (result: BulkResult) => {
    setSelected(new Set());
    const failures = result.failed.map((f) => `${f.task.title}: ${f.message}`).join(' ');
    setNotice(
      result.failed.length === 0
        ? { kind: 'ok', text: `Decided ${result.decided.length} task${result.decided.length === 1 ? '' : 's'}.` }
        : { kind: 'error', text: `Decided ${result.decided.length}, ${result.failed.length} not decided. ${failures}` },
    );
  };

  return (
    <div className="inbox">
      <PageHeader
        title="Inbox"
        subtitle="Tasks waiting for a decision in your queues."
        actions={
          <button type="button" className="button button-ghost" onClick={() => setHelpOpen(true)} aria-keyshortcuts="?">
            Keyboard shortcuts <kbd>?</kbd>
          </button>
        }
      />
      <div className="inbox-layout">
        <QueueCounts selected={filters.queue} onSelect={(queue) => update({ queue })} />
        <section className="inbox-main" aria-label="Tasks">
          <InboxFilterBar filters={filters} onChange={update} />
          {notice ? (
            <p className={notice.kind === 'ok' ? 'notice notice-ok' : 'notice notice-error'} role={notice.kind === 'ok' ? 'status' : 'alert'}>
              {notice.text}
              <button type="button" className="button button-ghost" aria-label="Dismiss" onClick={() => setNotice(null)}>
                ×
              </button>
            </p>
          ) : null}
          {canAct && selected.size > 0 ? (
            <BulkDecideBar tasks={items.filter((t) => selected.has(t.id))} onDone={bulkDone} onClear={() => setSelected(new Set())} />
          ) : null}
          {tasks.isPending ? (
            <Loading label="Loading tasks…" />
          ) : tasks.error ? (
            <ErrorNotice error={tasks.error} onRetry={() => void tasks.refetch()} />
          ) : items.length === 0 ? (
            <Empty title="Nothing waiting here">{filters.offset > 0 ? 'This page is empty.' : 'No task matches these filters. Well done, or widen the filters.'}</Empty>
          ) : (
            <>
              <div className="table-scroll">
                <TaskTable
                  tasks={items}
                  cursor={cursor}
                  selected={selected}
                  myId={me?.id ?? null}
                  canAct={canAct}
                  onToggle={toggle}
                  onToggleAll={(checked) => setSelected(checked ? new Set(items.map((t) => t.id)) : new Set())}
                  onFocusRow={setCursor}
                />
              </div>
              <Pager offset={filters.offset} limit={PAGE_SIZE} total={tasks.data?.total ?? 0} onChange={(offset) => update({ offset })} />
            </>
          )}
        </section>
      </div>
      <ShortcutHelp open={helpOpen} onClose={() => setHelpOpen(false)} />
    </div>
  );
}
