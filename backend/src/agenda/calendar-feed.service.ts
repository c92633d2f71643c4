import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { randomToken, sha256 } from '../auth/secrets';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../config/config';
import { Database } from '../database/database';
import { CalendarFeedTable, UserTable } from '../database/tables';
import { EventsService } from '../events/events.service';
import { AgendaService, signedInUser } from './agenda.service';
import { CalendarFeedResponse, toCalendarFeedResponse } from './calendar-feed.dto';
import { renderAgendaCalendar } from './ical';

export const CALENDAR_FEED_PATH = '/calendar';

/**
 * A user's agenda as an iCalendar feed at a secret URL, for Outlook or Google Calendar to
 * subscribe to: the URL is the credential (calendars cannot sign in), so only its hash is kept,
 * a new one replaces the old, and a revoked one answers 404 like one that never existed.
 */
@Injectable()
export class CalendarFeedService {
  constructor(
    private readonly db: Database,
    private readonly agenda: AgendaService,
    private readonly events: EventsService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  status(actor: Actor): Promise<CalendarFeedResponse> {
    const userId = signedInUser(actor);
    return this.db.read(async () => toCalendarFeedResponse(await this.db.manager.findOneBy(CalendarFeedTable, { userId })));
  }

  async create(actor: Actor): Promise<CalendarFeedResponse> {
    const userId = signedInUser(actor);
    const token = randomToken();
    const row: CalendarFeedTable = { userId, tokenHash: sha256(token), createdAt: this.clock.now(), lastUsedAt: null };
    await this.db.transaction(async () => {
      await this.db.manager.delete(CalendarFeedTable, { userId });
      await this.db.insert(CalendarFeedTable, row);
      await this.events.record(actor, 'user.calendar_feed_created', {}, { userId });
    });
    return toCalendarFeedResponse(row, `${this.config.publicUrl}${CALENDAR_FEED_PATH}/${token}.ics`);
  }

  async revoke(actor: Actor): Promise<void> {
    const userId = signedInUser(actor);
    await this.db.transaction(async () => {
      const removed = (await this.db.manager.delete(CalendarFeedTable, { userId })).affected ?? 0;
      if (removed > 0) await this.events.record(actor, 'user.calendar_feed_revoked', {}, { userId });
    });
  }

  /** The feed behind a token, or null (unknown, revoked, or its user deactivated). */
  async render(token: string): Promise<string | null> {
    return this.db.transaction(async () => {
      const feed = await this.db.manager.findOneBy(CalendarFeedTable, { tokenHash: sha256(token) });
      const user = feed ? await this.db.manager.findOneBy(UserTable, { id: feed.userId }) : null;
      if (!feed || !user?.active) return null;
      const now = this.clock.now();
      await this.db.update(CalendarFeedTable, { userId: feed.userId }, { lastUsedAt: now });
      return renderAgendaCalendar(user.name, await this.agenda.entriesOf(user.id), this.config.publicUrl, now);
    });
  }
}
