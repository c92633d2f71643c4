import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor, RequirePermission } from '../auth/decorators';
import { Page, PageQueryDto } from '../common/paging';
import { CreateWebhookDto, WebhookResponse } from './webhooks.dto';
import { WebhooksService } from './webhooks.service';

@ApiTags('webhooks')
@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Post()
  @RequirePermission('webhooks:write')
  create(@CurrentActor() actor: Actor, @Body() dto: CreateWebhookDto): Promise<WebhookResponse> {
    return this.webhooks.create(actor, dto);
  }

  @Get()
  @RequirePermission('webhooks:write')
  list(@Query() query: PageQueryDto): Promise<Page<WebhookResponse>> {
    return this.webhooks.list(query);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission('webhooks:write')
  delete(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe({ errorHttpStatusCode: 404 })) id: string): Promise<void> {
    return this.webhooks.delete(actor, id);
  }
}
