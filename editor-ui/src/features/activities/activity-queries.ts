import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { ActivityChange, ActivityInput, ActivityResponse, Person } from '../../api/activity-types';

export const activityKeys = {
  /** Under the case's own key, so refreshing a case refreshes its activities too. */
  ofCase: (instanceId: string) => ['instances', instanceId, 'activities'] as const,
  agenda: ['me', 'agenda'] as const,
  people: ['people'] as const,
};

/** The case's activities from their own list: only for backends whose instance detail does not carry them. */
export function useCaseActivities(instanceId: string, enabled: boolean) {
  return useQuery({
    queryKey: activityKeys.ofCase(instanceId),
    queryFn: () => api.get<ActivityResponse[]>(`/instances/${instanceId}/activities`),
    enabled,
  });
}

/** Active colleagues, for the assignee pickers. */
export function usePeople() {
  return useQuery({ queryKey: activityKeys.people, queryFn: () => api.get<Person[]>('/people'), staleTime: 5 * 60_000 });
}

/** Every change shows on the case (its list and timeline) and on the agenda: both are read afresh. */
function useRefreshAfterChange() {
  const queryClient = useQueryClient();
  return (instanceId: string) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['instances', instanceId] }),
      queryClient.invalidateQueries({ queryKey: activityKeys.agenda }),
    ]);
}

export function useAddActivity(instanceId: string) {
  const refresh = useRefreshAfterChange();
  return useMutation({
    mutationFn: (input: ActivityInput) => api.post<ActivityResponse>(`/instances/${instanceId}/activities`, input),
    onSuccess: () => refresh(instanceId),
  });
}

/** Moves (new times) or reassigns an open activity. */
export function useChangeActivity() {
  const refresh = useRefreshAfterChange();
  return useMutation({
    mutationFn: ({ id, change }: { id: string; change: ActivityChange }) => api.patch<ActivityResponse>(`/activities/${id}`, change),
    onSuccess: (activity) => refresh(activity.instanceId),
  });
}

export type ActivityStep = 'complete' | 'reopen' | 'cancel';

const stepRequest = (id: string, step: ActivityStep) =>
  // Cancelling is a DELETE that keeps the activity (status cancelled) for the audit.
  step === 'cancel' ? api.delete<ActivityResponse>(`/activities/${id}`) : api.post<ActivityResponse>(`/activities/${id}/${step}`);

/** Completes, reopens or cancels; `instanceId` lets the agenda refresh the case it came from. */
export function useActivityStep() {
  const refresh = useRefreshAfterChange();
  return useMutation({
    mutationFn: ({ id, step }: { id: string; step: ActivityStep; instanceId: string }) => stepRequest(id, step),
    onSuccess: (_activity, { instanceId }) => refresh(instanceId),
  });
}
