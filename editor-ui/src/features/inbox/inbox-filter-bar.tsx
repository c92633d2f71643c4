import { PRIORITY_LABELS } from '../../lib/format';
import { useProcesses } from '../processes/process-queries';
import type { AssigneeFilter, InboxFilters, SortKey } from './inbox-filters';

interface FilterBarProps {
  filters: InboxFilters;
  onChange: (change: Partial<InboxFilters>) => void;
}

export function InboxFilterBar({ filters, onChange }: FilterBarProps) {
  const processes = useProcesses();
  const stages = processes.data?.find((p) => p.key === filters.process)?.stages ?? [];
  return (
    <form className="filter-bar" aria-label="Filter tasks" onSubmit={(e) => e.preventDefault()}>
      <label className="field field-inline">
        <span>Process</span>
        <select value={filters.process} onChange={(e) => onChange({ process: e.target.value })}>
          <option value="">All processes</option>
          {(processes.data ?? []).map((p) => (
            <option key={p.key} value={p.key}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field field-inline">
        <span>Stage</span>
        <select value={filters.stage} disabled={!filters.process} onChange={(e) => onChange({ stage: e.target.value })}>
          <option value="">All stages</option>
          {stages.map((s) => (
            <option key={s.key} value={s.key}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field field-inline">
        <span>Priority</span>
        <select value={filters.priority} onChange={(e) => onChange({ priority: e.target.value })}>
          <option value="">Any priority</option>
          {Object.entries(PRIORITY_LABELS)
            .reverse()
            .map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
        </select>
      </label>
      <label className="field field-inline">
        <span>Assigned</span>
        <select value={filters.assignee} onChange={(e) => onChange({ assignee: e.target.value as AssigneeFilter })}>
          <option value="">Anyone</option>
          <option value="me">Assigned to me</option>
          <option value="unassigned">Unassigned</option>
        </select>
      </label>
      <label className="field field-inline field-check">
        <input type="checkbox" checked={filters.overdue} onChange={(e) => onChange({ overdue: e.target.checked })} />
        <span>Overdue only</span>
      </label>
      <label className="field field-inline">
        <span>Sort by</span>
        <select value={filters.sort} onChange={(e) => onChange({ sort: e.target.value as SortKey })}>
          <option value="due">Due time</option>
          <option value="priority">Priority</option>
          <option value="age">Age</option>
        </select>
      </label>
      <button
        type="button"
        className="button"
        aria-label={filters.order === 'asc' ? 'Ascending order, switch to descending' : 'Descending order, switch to ascending'}
        onClick={() => onChange({ order: filters.order === 'asc' ? 'desc' : 'asc' })}
      >
        {filters.order === 'asc' ? '↑ Asc' : '↓ Desc'}
      </button>
    </form>
  );
}
