import { Injectable, Logger } from '@nestjs/common';
import { SYSTEM_ACTOR } from '../auth/actor';
import { Clock } from '../common/clock';
import { Database } from '../database/database';
import { MessagesService } from '../messages/messages.service';
import { DIGEST_EMAIL } from './notification-emails';
import { NotificationsRepository } from './notifications.repository';

const USERS_PER_PASS = 200;

/**
 * Sends each user's daily digest once their digest time has come: one email with every item
 * queued for it. Taking the items deletes them in the transaction that queues the email, so on
 * PostgreSQL two replicas never both send a digest, and a failure leaves the items for the next pass.
 */
@Injectable()
export class DigestSweep {
  private readonly logger = new Logger('Digests');

  constructor(
    private readonly db: Database,
    private readonly repository: NotificationsRepository,
    private readonly messages: MessagesService,
    private readonly clock: Clock,
  ) {}

  /** Returns how many digests this process sent. */
  async run(): Promise<number> {
    const now = this.clock.now();
    const userIds = await this.db.read(() => this.repository.usersWithDueDigests(now, USERS_PER_PASS));
    let sent = 0;
    for (const userId of userIds) {
      try {
        if (await this.db.transaction(() => this.send(userId, now))) sent++;
      } catch (error) {
        this.logger.error(`digest of user ${userId} not sent: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return sent;
  }

  private async send(userId: string, now: number): Promise<boolean> {
    const items = await this.repository.claimDigestItems(userId, now);
    if (items.length === 0) return false; // another replica took them
    const user = await this.repository.findUser(userId);
    // A user switched off since the items were queued reads nothing more; their items go with the claim.
    if (!user?.active || !user.email) return false;
    await this.messages.sendInTransaction(SYSTEM_ACTOR, {
      inline: DIGEST_EMAIL,
      builtIn: 'notification:digest',
      kind: 'admin',
      to: { addresses: [user.email] },
      data: { notification: { count: items.length, items: items.map(({ kind, headline, link }) => ({ kind, headline, link })) } },
    });
    return true;
  }
}
