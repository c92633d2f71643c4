import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor, RequirePermission } from '../auth/decorators';
import type { Page } from '../common/paging';
import { idParam } from '../common/params';
import { DeliveryResponse, ListOutboxQuery } from './outbox.dto';
import { OutboxService } from './outbox.service';

@ApiTags('outbox')
@Controller('outbox')
export class OutboxController {
  constructor(private readonly outbox: OutboxService) {}

  @Get()
  @RequirePermission('admin')
  list(@Query() query: ListOutboxQuery): Promise<Page<DeliveryResponse>> {
    return this.outbox.list(query);
  }

  /** Puts a dead-lettered delivery back in line with a fresh set of attempts. */
  @Post(':id/retry')
  @HttpCode(200)
  @RequirePermission('admin')
  retry(@CurrentActor() actor: Actor, @Param('id', idParam('delivery')) id: string): Promise<DeliveryResponse> {
    return this.outbox.retry(actor, id);
  }
}
