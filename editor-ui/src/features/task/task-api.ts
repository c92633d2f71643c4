import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Page, QueueCount, Task, TaskDetail } from '../../api/types';

export interface DecideInput {
  decision: string;
  comment?: string;
  fields?: Record<string, unknown>;
}

export const taskKeys = {
  all: ['tasks'] as const,
  list: (query: Record<string, unknown>) => ['tasks', 'list', query] as const,
  counts: ['tasks', 'counts'] as const,
  detail: (id: string) => ['tasks', 'detail', id] as const,
};

export function useTasks(query: Record<string, string | number | boolean | undefined>) {
  return useQuery({
    queryKey: taskKeys.list(query),
    queryFn: ({ signal }) => api.get<Page<Task>>('/tasks', query, signal),
    placeholderData: (previous) => previous,
    refetchInterval: 30_000,
  });
}

export function useTaskCounts() {
  return useQuery({ queryKey: taskKeys.counts, queryFn: () => api.get<QueueCount[]>('/tasks/counts'), refetchInterval: 30_000 });
}

export function useTask(id: string) {
  return useQuery({ queryKey: taskKeys.detail(id), queryFn: () => api.get<TaskDetail>(`/tasks/${id}`) });
}

export const claimTask = (id: string) => api.post<Task>(`/tasks/${id}/claim`);
export const unclaimTask = (id: string) => api.post<Task>(`/tasks/${id}/unclaim`);
export const decideTask = (id: string, input: DecideInput) => api.post<Task>(`/tasks/${id}/decide`, input);

/** Every task mutation refreshes the lists, counts and the task itself; the caller handles errors. */
export function useTaskMutation<TArgs, TResult = unknown>(run: (args: TArgs) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSettled: () => queryClient.invalidateQueries({ queryKey: taskKeys.all }),
  });
}
