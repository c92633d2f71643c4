import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { Database } from '../database/database';
import { MessageTable, OutboxKind, OutboxTable } from '../database/tables';
import { Deliverer, DeliveryError } from './deliverer';

/**
 * With no SMTP server configured, an email is "delivered" to the dev mailbox: the message
 * row itself, readable through GET /mailbox and the UI.
 */
@Injectable()
export class DevMailboxDeliverer implements Deliverer {
  readonly kinds: OutboxKind[] = ['email'];

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  async deliver(item: OutboxTable): Promise<void> {
    const messageId = item.payload.messageId;
    if (typeof messageId !== 'string') throw new DeliveryError('payload has no messageId', true);
    const result = await this.db.transaction(() =>
      this.db.manager.update(MessageTable, { id: messageId }, { status: 'sent', sentAt: this.clock.now(), error: null }),
    );
    if (!result.affected) throw new DeliveryError(`message ${messageId} no longer exists`, true);
  }
}
