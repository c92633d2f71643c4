import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Escalation, InstanceDetail, Message, Timer } from '../../api/timeline-types';
import type { Page } from '../../api/types';

const REFRESH_MS = 15_000;

/** A side list the timeline can do without: a refusal (say, no messages:read) just leaves it out. */
async function optionalList<T>(path: string, instanceId: string): Promise<T[] | null> {
  try {
    return (await api.get<Page<T>>(path, { instanceId, limit: 200 })).items;
  } catch {
    return null;
  }
}

/**
 * The instance with everything its timeline shows. Messages (with their rendered bodies), timers
 * and escalations come from their own lists when the instance detail does not carry them.
 */
export function useInstanceDetail(instanceId: string) {
  const detail = useQuery({
    queryKey: ['instances', instanceId],
    queryFn: () => api.get<InstanceDetail>(`/instances/${instanceId}`),
    refetchInterval: REFRESH_MS,
  });
  const needs = (key: 'messages' | 'timers' | 'escalations') => detail.data !== undefined && detail.data[key] === undefined;
  const messages = useQuery({
    queryKey: ['instances', instanceId, 'messages'],
    queryFn: () => optionalList<Message>('/messages', instanceId),
    enabled: needs('messages'),
    refetchInterval: REFRESH_MS,
  });
  const timers = useQuery({
    queryKey: ['instances', instanceId, 'timers'],
    queryFn: () => optionalList<Timer>('/timers', instanceId),
    enabled: needs('timers'),
    refetchInterval: REFRESH_MS,
  });
  const escalations = useQuery({
    queryKey: ['instances', instanceId, 'escalations'],
    queryFn: () => optionalList<Escalation>('/escalations', instanceId),
    enabled: needs('escalations'),
    refetchInterval: REFRESH_MS,
  });
  const data: InstanceDetail | undefined = detail.data && {
    ...detail.data,
    messages: detail.data.messages ?? messages.data ?? undefined,
    timers: detail.data.timers ?? timers.data ?? undefined,
    escalations: detail.data.escalations ?? escalations.data ?? undefined,
  };
  return { ...detail, data };
}
