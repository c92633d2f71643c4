import { useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import { itemsOf } from '../entities/entity-queries';

/** A list from the admin API (a page or a bare array), as items. */
export function useAdminList<T>(key: QueryKey, path: string, query?: Record<string, string>) {
  return useQuery({ queryKey: key, queryFn: () => api.get<T[] | Page<T>>(path, query).then(itemsOf) });
}

/** A write that refreshes the given lists when it is done. */
export function useAdminMutation<TArgs, TResult = unknown>(run: (args: TArgs) => Promise<TResult>, invalidates: QueryKey[]) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => Promise.all(invalidates.map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}
