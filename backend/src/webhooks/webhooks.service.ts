import { Injectable, NotFoundException } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import { Page, pageOf, PageQueryDto } from '../common/paging';
import { Database } from '../database/database';
import { WebhookSubscriptionTable } from '../database/tables';
import { EventsService } from '../events/events.service';
import { OutboundPolicy } from '../outbox/outbound-policy';
import { WebhookFanout } from './webhook-fanout';
import { fieldErrors } from '../entities/entity-changes';
import { isRecordEvent } from './record-change';
import { recordFilterOf } from './record-subscription';
import { ALL_EVENTS, CreateWebhookDto, toWebhookResponse, WebhookResponse } from './webhooks.dto';
import { WebhooksRepository } from './webhooks.repository';

@Injectable()
export class WebhooksService {
  constructor(
    private readonly db: Database,
    private readonly repository: WebhooksRepository,
    private readonly fanout: WebhookFanout,
    private readonly events: EventsService,
    private readonly clock: Clock,
    private readonly outbound: OutboundPolicy,
  ) {}

  async create(actor: Actor, dto: CreateWebhookDto): Promise<WebhookResponse> {
    await this.outbound.assertWebhookTarget('targetUrl', dto.targetUrl);
    const { filter, errors } = recordFilterOf(dto);
    if (errors.length > 0) throw fieldErrors(errors);
    // "*" stands for every case event; record events stay listed by name.
    const unique = [...new Set(dto.events)];
    const events = unique.includes(ALL_EVENTS) ? [ALL_EVENTS, ...unique.filter(isRecordEvent)] : unique;
    const row: WebhookSubscriptionTable = {
      id: newId(),
      events,
      targetUrl: dto.targetUrl,
      processKey: dto.processKey ?? null,
      ...filter,
      createdBy: actor.id,
      createdAt: this.clock.now(),
    };
    await this.db.transaction(async () => {
      if (filter.entityType && !(await this.repository.entityTypeExists(filter.entityType))) {
        throw fieldErrors([{ field: 'entityType', messages: [`unknown entity type "${filter.entityType}"`] }]);
      }
      await this.repository.insert(row);
      await this.events.record(actor, 'webhook.subscribed', {}, { subscriptionId: row.id, events, processKey: row.processKey, ...filter });
      this.db.afterCommit(() => this.fanout.invalidate());
    });
    return toWebhookResponse(row);
  }

  async list(query: PageQueryDto): Promise<Page<WebhookResponse>> {
    const [rows, total] = await this.db.read(() => this.repository.list(query.limit ?? 50, query.offset ?? 0));
    return pageOf(rows.map(toWebhookResponse), total, query);
  }

  async delete(actor: Actor, id: string): Promise<void> {
    await this.db.transaction(async () => {
      const row = await this.repository.findById(id);
      if (!row || !(await this.repository.delete(id))) throw new NotFoundException(`There is no webhook subscription ${id}.`);
      await this.events.record(actor, 'webhook.unsubscribed', {}, { subscriptionId: id, events: row.events, processKey: row.processKey });
      this.db.afterCommit(() => this.fanout.invalidate());
    });
  }
}
