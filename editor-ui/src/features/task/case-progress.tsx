import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import type { Instance } from '../../api/types';

const POLL_MS = 2_000;

/**
 * After a decision the workflow (n8n) resumes and moves the case on; this follows the case
 * until its stage changes, so the reviewer sees where it went.
 */
interface CaseProgressProps {
  instanceId: string;
  fromStage: string | null;
  /** Called once the case has left the stage, so the page can show its new state. */
  onMoved?: () => void;
}

export function CaseProgress({ instanceId, fromStage, onMoved }: CaseProgressProps) {
  const instance = useQuery({
    queryKey: ['instances', instanceId, 'progress'],
    queryFn: () => api.get<Instance>(`/instances/${instanceId}`),
    refetchInterval: (query) => {
      const data = query.state.data;
      const settled = data && (data.currentStage?.key !== fromStage || data.status === 'completed' || data.status === 'cancelled');
      return settled || query.state.dataUpdateCount > 30 ? false : POLL_MS;
    },
  });
  const data = instance.data;
  const moved = data !== undefined && data.currentStage?.key !== fromStage;
  const reported = useRef(false);
  useEffect(() => {
    if (!moved || reported.current) return;
    reported.current = true;
    onMoved?.();
  }, [moved, onMoved]);
  if (!data) return null;
  let text: string;
  if (data.status === 'completed') text = `The case is complete${data.outcome ? ` (outcome: ${data.outcome})` : ''}.`;
  else if (data.status === 'cancelled') text = 'The case was cancelled.';
  else if (moved && data.currentStage) text = `The case moved on to ${data.currentStage.name}.`;
  else if (moved) text = 'The case has left this stage.';
  else text = 'Decision recorded. Waiting for the workflow to move the case on…';
  return (
    <p className="notice notice-ok case-progress" role="status">
      {text} <Link to={`/instances/${instanceId}`}>View the case timeline</Link>
    </p>
  );
}
