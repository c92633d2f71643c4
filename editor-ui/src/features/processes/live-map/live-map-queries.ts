import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type { Instance, Page, Process } from '../../../api/types';
import type { LiveMap } from './live-map-types';

/** The map counts on its own: managers leave it open on a screen. */
export const LIVE_MAP_REFRESH_MS = 15_000;
const DAY_MS = 86_400_000;

export const PERIODS = [
  { days: 1, label: 'Last 24 hours' },
  { days: 7, label: 'Last 7 days' },
  { days: 30, label: 'Last 30 days' },
  { days: 90, label: 'Last 90 days' },
] as const;
export const DEFAULT_PERIOD_DAYS = 30;

/** The open cases a stage lists: the first page is what fits beside the map. */
export const STAGE_CASES_LIMIT = 50;

/** The latest published version of a process (its draft while none was published). */
export function useCurrentProcess(key: string) {
  return useQuery({
    queryKey: ['processes', key, 'current'],
    queryFn: () => api.get<Process>(`/processes/${encodeURIComponent(key)}`),
    staleTime: 60_000,
  });
}

/**
 * The map's figures over the last `days`, asked afresh every 15 s; the previous figures stay drawn while a
 * new period loads. Only `from` is sent: the period ends at the server's now, so a client clock running
 * behind cannot hide the latest decisions.
 */
export function useLiveMap(key: string, days: number) {
  return useQuery({
    queryKey: ['processes', key, 'live-map', days],
    queryFn: ({ signal }) =>
      api.get<LiveMap>(`/processes/${encodeURIComponent(key)}/live-map`, { from: new Date(Date.now() - days * DAY_MS).toISOString() }, signal),
    placeholderData: keepPreviousData,
    refetchInterval: LIVE_MAP_REFRESH_MS,
  });
}

/** The cases standing in a stage now, refreshed with the map. */
export function useStageCases(processKey: string, stageKey: string) {
  return useQuery({
    queryKey: ['instances', { processKey, stageKey, open: true }],
    queryFn: ({ signal }) => api.get<Page<Instance>>('/instances', { processKey, stageKey, open: true, limit: STAGE_CASES_LIMIT }, signal),
    refetchInterval: LIVE_MAP_REFRESH_MS,
  });
}
