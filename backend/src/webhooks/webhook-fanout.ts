import { Injectable, OnModuleInit } from '@nestjs/common';
import { Clock } from '../common/clock';
import type { EventTable, WebhookSubscriptionTable } from '../database/tables';
import { toEventResponse } from '../events/event.dto';
import { EventSink, EventsService } from '../events/events.service';
import { OutboxService } from '../outbox/outbox.service';
import { isRecordEvent, matchesRecordFilter, RecordChange, recordChangeOf } from './record-change';
import { ALL_EVENTS, WEBHOOK_EVENTS } from './webhooks.dto';
import { WebhooksRepository } from './webhooks.repository';

/** Other replicas' subscription changes reach this one within this long. */
export const SUBSCRIPTION_CACHE_MS = 5_000;

const SUBSCRIBABLE = new Set<string>(WEBHOOK_EVENTS);

/**
 * Turns recorded events into trigger deliveries: one outbox item per matching subscription,
 * written in the transaction that records the event, so a delivery exists exactly when the
 * change it reports was committed. Every event passes through here, so the subscription list
 * is kept in memory rather than read per event.
 */
@Injectable()
export class WebhookFanout implements EventSink, OnModuleInit {
  private cached: { rows: WebhookSubscriptionTable[]; until: number } | null = null;
  private generation = 0;

  constructor(
    private readonly events: EventsService,
    private readonly outbox: OutboxService,
    private readonly repository: WebhooksRepository,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.events.addSink(this);
  }

  /** Called after this process changed a subscription, so it sees the change at once. */
  invalidate(): void {
    this.cached = null;
    this.generation++;
  }

  async onEvent(event: EventTable): Promise<void> {
    if (!SUBSCRIBABLE.has(event.type)) return;
    if (isRecordEvent(event.type)) return this.fanOutRecordEvent(event);
    const subscriptions = (await this.subscriptions()).filter(
      (s) => s.events.includes(event.type) || s.events.includes(ALL_EVENTS),
    );
    if (subscriptions.length === 0) return;
    let processKey: string | null | undefined;
    for (const subscription of subscriptions) {
      if (subscription.processKey) {
        if (processKey === undefined) processKey = event.instanceId ? await this.repository.processKeyOf(event.instanceId) : null;
        if (subscription.processKey !== processKey) continue;
      }
      await this.deliver(subscription, event);
    }
  }

  /**
   * Record events go only to subscriptions that name them ("*" means every case event), and only
   * when the change passes the subscription's type, field and value: n8n is not woken for changes
   * nobody asked for.
   */
  private async fanOutRecordEvent(event: EventTable): Promise<void> {
    const subscriptions = (await this.subscriptions()).filter((s) => s.events.includes(event.type));
    if (subscriptions.length === 0 || !event.entityId) return;
    // The row as this event's transaction left it: the record after the change.
    const row = await this.repository.findEntity(event.entityId);
    if (!row) return;
    const change = recordChangeOf(event, row);
    for (const subscription of subscriptions) {
      if (matchesRecordFilter(subscription, change)) await this.deliver(subscription, event, change);
    }
  }

  private async deliver(subscription: WebhookSubscriptionTable, event: EventTable, change?: RecordChange): Promise<void> {
    const record = change ? { entity: change.entity, before: change.before, after: change.after, changed: change.changed } : undefined;
    await this.outbox.enqueue({
      kind: 'webhook',
      target: subscription.targetUrl,
      payload: { subscriptionId: subscription.id, event: toEventResponse(event), ...(record ? { record } : {}) },
      idempotencyKey: `event:${event.id}:${subscription.id}`,
      instanceId: event.instanceId,
    });
  }

  private async subscriptions(): Promise<WebhookSubscriptionTable[]> {
    const now = this.clock.now();
    if (this.cached && this.cached.until > now) return this.cached.rows;
    const generation = this.generation;
    // Read through the caller's transaction: on SQLite there is only the one connection.
    const rows = await this.repository.listAll();
    // A change committed while this read was under way must not be hidden behind a stale list.
    if (generation === this.generation) this.cached = { rows, until: now + SUBSCRIPTION_CACHE_MS };
    return rows;
  }
}
