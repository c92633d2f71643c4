import { useCallback } from 'react';
import { useProcesses } from './process-queries';

/** Readable names for process and stage keys, falling back to the keys until processes have loaded. */
export function useProcessNames() {
  const processes = useProcesses();
  const processName = useCallback((key: string | null) => (key ? (processes.data?.find((p) => p.key === key)?.name ?? key) : '—'), [processes.data]);
  const stageName = useCallback(
    (processKey: string | null, stageKey: string | null) =>
      stageKey ? (processes.data?.find((p) => p.key === processKey)?.stages.find((s) => s.key === stageKey)?.name ?? stageKey) : '—',
    [processes.data],
  );
  return { processName, stageName };
}
