import { Global, Module } from '@nestjs/common';
import { DELIVERERS, Deliverer } from './deliverer';
import { DevMailboxDeliverer } from './dev-mailbox.deliverer';
import { HttpDeliverer } from './http.deliverer';
import { OutboxController } from './outbox.controller';
import { OutboxRepository } from './outbox.repository';
import { OutboxService } from './outbox.service';
import { OutboxWorker } from './outbox.worker';

@Global()
@Module({
  controllers: [OutboxController],
  providers: [
    OutboxRepository,
    OutboxService,
    OutboxWorker,
    HttpDeliverer,
    DevMailboxDeliverer,
    {
      provide: DELIVERERS,
      inject: [HttpDeliverer, DevMailboxDeliverer],
      useFactory: (...deliverers: Deliverer[]) => deliverers,
    },
  ],
  exports: [OutboxService, OutboxWorker],
})
export class OutboxModule {}
