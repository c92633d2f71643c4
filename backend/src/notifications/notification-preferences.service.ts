import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { Clock } from '../common/clock';
import { Database } from '../database/database';
import { NOTIFICATION_KINDS, NotificationPreferenceTable, UserTable } from '../database/tables';
import { EventsService } from '../events/events.service';
import { NotificationPreferencesResponse, toNotificationPreferencesResponse, UpdateNotificationPreferencesDto } from './notification-preferences.dto';
import { NotificationsRepository } from './notifications.repository';

/** The signed-in user's own notification choices. */
@Injectable()
export class NotificationPreferencesService {
  constructor(
    private readonly db: Database,
    private readonly repository: NotificationsRepository,
    private readonly events: EventsService,
    private readonly clock: Clock,
  ) {}

  async get(actor: Actor): Promise<NotificationPreferencesResponse> {
    const userId = requireUser(actor);
    return this.db.read(async () => toNotificationPreferencesResponse(await this.loadUser(userId), await this.repository.preferencesOf(userId)));
  }

  async update(actor: Actor, dto: UpdateNotificationPreferencesDto): Promise<NotificationPreferencesResponse> {
    const userId = requireUser(actor);
    return this.db.transaction(async () => {
      const user = await this.loadUser(userId);
      const now = this.clock.now();
      const schedule = { timeZone: dto.timeZone ?? user.timeZone ?? null, digestTime: dto.digestTime ?? user.digestTime };
      await this.repository.updateSchedule(userId, schedule, now);
      const rows: NotificationPreferenceTable[] = NOTIFICATION_KINDS.flatMap((kind) => {
        const mode = dto.kinds?.[kind];
        return mode ? [{ userId, kind, mode, updatedAt: now }] : [];
      });
      await this.repository.savePreferences(rows);
      await this.events.record(actor, 'user.notification_preferences_changed', {}, {
        userId,
        timeZone: schedule.timeZone,
        digestTime: schedule.digestTime,
        kinds: Object.fromEntries(rows.map((row) => [row.kind, row.mode])),
      });
      return toNotificationPreferencesResponse({ ...user, ...schedule }, await this.repository.preferencesOf(userId));
    });
  }

  /** Call inside a unit of work. */
  private async loadUser(userId: string): Promise<UserTable> {
    const user = await this.repository.findUser(userId);
    if (!user) throw new NotFoundException(`There is no user ${userId}.`);
    return user;
  }
}

function requireUser(actor: Actor): string {
  if (actor.type !== 'user' || !actor.id) throw new ForbiddenException('Notification preferences belong to a signed-in user; an API key has none.');
  return actor.id;
}
