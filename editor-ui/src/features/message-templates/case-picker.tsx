import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { api } from '../../api/client';
import type { Instance, Page } from '../../api/types';
import { useProcesses } from '../processes/process-queries';
import { useProcessNames } from '../processes/use-process-names';

export interface PickedCase {
  id: string;
  label: string;
}

const STORAGE_KEY = 'caseflow.message-preview.case';
const CASES_LIMIT = 100;

/** The case the last preview used, so the next template opens against it too. */
export function loadPickedCase(): PickedCase | null {
  try {
    const saved: unknown = JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? 'null');
    const candidate = saved as Partial<PickedCase> | null;
    return candidate && typeof candidate.id === 'string' && typeof candidate.label === 'string' ? { id: candidate.id, label: candidate.label } : null;
  } catch {
    return null;
  }
}

export function savePickedCase(picked: PickedCase | null): void {
  if (picked) window.localStorage.setItem(STORAGE_KEY, JSON.stringify(picked));
  else window.localStorage.removeItem(STORAGE_KEY);
}

function matches(instance: Instance, search: string): boolean {
  const needle = search.trim().toLowerCase();
  if (needle === '') return true;
  return [instance.entity?.name, instance.entity?.externalId, instance.processKey].some((value) => value?.toLowerCase().includes(needle));
}

/**
 * Picks the case a preview renders against: narrowed by process, then by the record's name among
 * that process's latest cases (GET /instances has no text search).
 */
export function CasePicker({ value, onChange }: { value: PickedCase | null; onChange: (picked: PickedCase | null) => void }) {
  const [processKey, setProcessKey] = useState('');
  const [search, setSearch] = useState('');
  const id = useId();
  const processes = useProcesses();
  const { processName } = useProcessNames();
  const cases = useQuery({
    queryKey: ['instances', 'preview-picker', processKey],
    queryFn: ({ signal }) => api.get<Page<Instance>>('/instances', { processKey: processKey || undefined, limit: CASES_LIMIT }, signal).then((page) => page.items),
  });
  const labelOf = (instance: Instance) => `${instance.entity?.name ?? instance.id.slice(0, 8)} · ${processName(instance.processKey)}`;
  const found = (cases.data ?? []).filter((instance) => matches(instance, search));
  const choose = (id: string) => {
    const instance = cases.data?.find((i) => i.id === id);
    const picked = id === '' ? null : instance ? { id, label: labelOf(instance) } : value;
    savePickedCase(picked);
    onChange(picked);
  };
  return (
    <fieldset className="case-picker">
      <legend>Preview against</legend>
      {/* Labels beside, not around, the selects: a wrapped select would add its chosen option to its own name. */}
      <div className="field field-inline">
        <label htmlFor={`${id}-process`}>Process</label>
        <select id={`${id}-process`} value={processKey} onChange={(e) => setProcessKey(e.target.value)}>
          <option value="">All processes</option>
          {(processes.data ?? []).map((p) => (
            <option key={p.key} value={p.key}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field field-inline">
        <label htmlFor={`${id}-search`}>Find a case</label>
        <input id={`${id}-search`} type="search" value={search} placeholder="Record name" onChange={(e) => setSearch(e.target.value)} />
      </div>
      <div className="field field-grow">
        <label htmlFor={`${id}-case`}>Case</label>
        <select id={`${id}-case`} value={value?.id ?? ''} onChange={(e) => choose(e.target.value)}>
          <option value="">Sample data (no case)</option>
          {value && !found.some((i) => i.id === value.id) ? <option value={value.id}>{value.label}</option> : null}
          {found.map((instance) => (
            <option key={instance.id} value={instance.id}>
              {labelOf(instance)}
            </option>
          ))}
        </select>
      </div>
      {cases.error ? <p className="form-error">The cases could not be loaded.</p> : null}
    </fieldset>
  );
}
