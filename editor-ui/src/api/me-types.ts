/** The signed-in user's own settings (issue 14's API contract): notifications, absence, calendar feed. */

export const NOTIFICATION_KINDS = ['task.created', 'task.assigned', 'task.reminder', 'instance.stalled', 'activity.assigned'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** each: an e-mail per event; digest: a line in the daily digest; off: nothing. */
export type NotificationMode = 'each' | 'digest' | 'off';

/** GET and PUT /me/notification-preferences. */
export interface NotificationPreferences {
  /** IANA time zone the digest time is read in. */
  timeZone: string;
  /** Local time of the daily digest, HH:mm. */
  digestTime: string;
  kinds: Partial<Record<NotificationKind, NotificationMode>>;
}

/** PUT /me/notification-preferences: a kind left out keeps its current choice. */
export type NotificationPreferencesUpdate = Partial<NotificationPreferences>;

/** GET /me/calendar-feed: whether a feed URL works, never the URL itself. */
export interface CalendarFeedStatus {
  active: boolean;
  createdAt: string | null;
  lastUsedAt: string | null;
}

/** POST /me/calendar-feed: the only answer that carries the secret URL. */
export interface CreatedCalendarFeed extends CalendarFeedStatus {
  active: true;
  url: string;
}

export interface Absence {
  from: string;
  until: string;
  /** The backend answers a null name for a delegate whose user row has none. */
  delegate: { id: string; name: string | null };
  note: string;
  /** True between from and until: tasks and notifications go to the delegate. */
  active: boolean;
}

/** GET, PUT and DELETE /me/absence. */
export interface AbsenceResponse {
  absence: Absence | null;
}

/** PUT /me/absence. */
export interface AbsenceInput {
  from: string;
  until: string;
  delegateId: string;
  note?: string;
}
