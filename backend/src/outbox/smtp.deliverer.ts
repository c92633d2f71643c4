import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig, SmtpConfig } from '../config/config';
import { Database } from '../database/database';
import { MessageTable, OutboxKind, OutboxTable } from '../database/tables';
import { Deliverer, DeliveryError, DeliveryResult } from './deliverer';

const TIMEOUT_MS = 30_000;

/**
 * Sends emails through the configured SMTP server (config.smtp). The server's answer decides
 * what happens next: 2xx marks the message sent, 5xx is a refusal that retrying cannot change
 * (dead letter, message failed), and 4xx or a network failure is tried again with backoff.
 */
@Injectable()
export class SmtpDeliverer implements Deliverer, OnApplicationShutdown {
  readonly kinds: OutboxKind[] = ['email'];
  private transport: Transporter<SMTPPool.SentMessageInfo> | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  async deliver(item: OutboxTable): Promise<DeliveryResult | void> {
    const messageId = item.payload.messageId;
    if (typeof messageId !== 'string') throw new DeliveryError('payload has no messageId', true);
    const message = await this.db.read(() => this.db.manager.findOneBy(MessageTable, { id: messageId }));
    if (!message) throw new DeliveryError(`message ${messageId} no longer exists`, true);
    // An earlier attempt reached the server but its answer was lost on the way back.
    if (message.status === 'sent') return { note: 'the message was already sent' };
    try {
      await this.transporter().sendMail({
        from: this.smtp().from,
        to: message.recipients,
        subject: message.subject,
        text: message.text || undefined,
        html: message.html || undefined,
        attachments: message.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content, encoding: 'base64' })),
        headers: { 'X-Caseflow-Message-Id': message.id },
      });
    } catch (error) {
      const failure = toDeliveryError(error);
      if (failure.permanent || item.attempts + 1 >= item.maxAttempts) await this.mark(message.id, 'failed', failure.message);
      throw failure;
    }
    await this.mark(message.id, 'sent', null);
  }

  async onApplicationShutdown(): Promise<void> {
    this.transport?.close();
  }

  private async mark(id: string, status: 'sent' | 'failed', error: string | null): Promise<void> {
    const sentAt = status === 'sent' ? this.clock.now() : null;
    await this.db.transaction(() => this.db.manager.update(MessageTable, { id }, { status, sentAt, error: error?.slice(0, 2000) ?? null }));
  }

  private smtp(): SmtpConfig {
    if (!this.config.smtp) throw new DeliveryError('SMTP is not configured (SMTP_HOST)', true);
    return this.config.smtp;
  }

  /** One pooled connection set, opened on the first email: a backend without mail never dials out. */
  private transporter(): Transporter<SMTPPool.SentMessageInfo> {
    if (this.transport) return this.transport;
    const smtp = this.smtp();
    this.transport = createTransport({
      pool: true,
      maxConnections: 5,
      host: smtp.host,
      port: smtp.port,
      // secure: TLS from the first byte (port 465); otherwise STARTTLS whenever the server offers it.
      secure: smtp.secure,
      auth: smtp.user ? { user: smtp.user, pass: smtp.password ?? '' } : undefined,
      connectionTimeout: TIMEOUT_MS,
      greetingTimeout: TIMEOUT_MS,
      socketTimeout: TIMEOUT_MS,
    });
    return this.transport;
  }
}

function toDeliveryError(error: unknown): DeliveryError {
  const { responseCode, response, code, message } = (error ?? {}) as { responseCode?: number; response?: string; code?: string; message?: string };
  if (responseCode !== undefined) {
    return new DeliveryError(`SMTP server answered ${response?.trim() || responseCode}`, responseCode >= 500 && responseCode < 600);
  }
  return new DeliveryError(`could not send over SMTP: ${code ? `${code} ` : ''}${message ?? String(error)}`);
}
