import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/config';
import { DELIVERERS, Deliverer } from './deliverer';
import { DevMailboxDeliverer } from './dev-mailbox.deliverer';
import { HttpDeliverer } from './http.deliverer';
import { OutboundPolicy } from './outbound-policy';
import { OutboxController } from './outbox.controller';
import { OutboxRepository } from './outbox.repository';
import { OutboxService } from './outbox.service';
import { OutboxWorker } from './outbox.worker';
import { SmtpDeliverer } from './smtp.deliverer';

@Global()
@Module({
  controllers: [OutboxController],
  providers: [
    OutboxRepository,
    OutboxService,
    OutboxWorker,
    OutboundPolicy,
    HttpDeliverer,
    DevMailboxDeliverer,
    SmtpDeliverer,
    {
      provide: DELIVERERS,
      inject: [APP_CONFIG, HttpDeliverer, DevMailboxDeliverer, SmtpDeliverer],
      // With no SMTP server configured, email goes to the dev mailbox (GET /mailbox, the UI).
      useFactory: (config: AppConfig, http: HttpDeliverer, mailbox: DevMailboxDeliverer, smtp: SmtpDeliverer): Deliverer[] => [
        http,
        config.smtp ? smtp : mailbox,
      ],
    },
  ],
  exports: [OutboxService, OutboxWorker, OutboundPolicy],
})
export class OutboxModule {}
