import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Page, Process } from '../../api/types';
import { itemsOf } from '../entities/entity-queries';

/** The latest version of every process: filters in the inbox and reports pick from these. */
export function useProcesses(enabled = true) {
  return useQuery({
    queryKey: ['processes', 'all'],
    queryFn: () => api.get<Process[] | Page<Process>>('/processes').then(itemsOf),
    staleTime: 5 * 60_000,
    enabled,
  });
}
