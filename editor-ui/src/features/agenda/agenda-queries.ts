import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AgendaResponse } from '../../api/activity-types';
import { api } from '../../api/client';
import { activityKeys } from '../activities/activity-queries';

export const RANGE_CHOICES = [7, 14, 31] as const;
export const DEFAULT_RANGE = 14;
const REFRESH_MS = 60_000;

/** Everything of mine from today for `days` days (today in my zone, as the backend reckons it). */
export function useAgenda(days: number) {
  return useQuery({
    queryKey: [...activityKeys.agenda, days],
    queryFn: () => api.get<AgendaResponse>('/me/agenda', { days }),
    placeholderData: keepPreviousData,
    refetchInterval: REFRESH_MS,
  });
}
