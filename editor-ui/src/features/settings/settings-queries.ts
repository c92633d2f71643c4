import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type {
  AbsenceInput,
  AbsenceResponse,
  CalendarFeedStatus,
  CreatedCalendarFeed,
  NotificationPreferences,
  NotificationPreferencesUpdate,
} from '../../api/me-types';

export const settingsKeys = {
  notifications: ['me', 'notification-preferences'] as const,
  absence: ['me', 'absence'] as const,
  calendarFeed: ['me', 'calendar-feed'] as const,
};

export function useNotificationPreferences() {
  return useQuery({ queryKey: settingsKeys.notifications, queryFn: () => api.get<NotificationPreferences>('/me/notification-preferences') });
}

/** Saves, and keeps the server's answer as the preferences shown. */
export function useSaveNotificationPreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (update: NotificationPreferencesUpdate) => api.put<NotificationPreferences>('/me/notification-preferences', update),
    onSuccess: (saved) => queryClient.setQueryData(settingsKeys.notifications, saved),
  });
}

export function useAbsence() {
  return useQuery({ queryKey: settingsKeys.absence, queryFn: () => api.get<AbsenceResponse>('/me/absence') });
}

export function useSetAbsence() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AbsenceInput) => api.put<AbsenceResponse>('/me/absence', input),
    onSuccess: (answer) => queryClient.setQueryData(settingsKeys.absence, answer),
  });
}

export function useEndAbsence() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete<AbsenceResponse>('/me/absence'),
    onSuccess: () => queryClient.setQueryData<AbsenceResponse>(settingsKeys.absence, { absence: null }),
  });
}

export function useCalendarFeed() {
  return useQuery({ queryKey: settingsKeys.calendarFeed, queryFn: () => api.get<CalendarFeedStatus>('/me/calendar-feed') });
}

/** A new secret URL (the old one stops working); the answer is the only place the URL appears. */
export function useCreateCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<CreatedCalendarFeed>('/me/calendar-feed'),
    onSuccess: ({ active, createdAt, lastUsedAt }) => queryClient.setQueryData<CalendarFeedStatus>(settingsKeys.calendarFeed, { active, createdAt, lastUsedAt }),
  });
}

export function useRevokeCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete<undefined>('/me/calendar-feed'),
    onSuccess: () => queryClient.setQueryData<CalendarFeedStatus>(settingsKeys.calendarFeed, { active: false, createdAt: null, lastUsedAt: null }),
  });
}
