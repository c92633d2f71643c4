import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/decorators';
import { NotificationPreferencesResponse, UpdateNotificationPreferencesDto } from './notification-preferences.dto';
import { NotificationPreferencesService } from './notification-preferences.service';

@ApiTags('notifications')
@Controller('me/notification-preferences')
export class NotificationPreferencesController {
  constructor(private readonly preferences: NotificationPreferencesService) {}

  @Get()
  get(@CurrentActor() actor: Actor): Promise<NotificationPreferencesResponse> {
    return this.preferences.get(actor);
  }

  @Put()
  update(@CurrentActor() actor: Actor, @Body() dto: UpdateNotificationPreferencesDto): Promise<NotificationPreferencesResponse> {
    return this.preferences.update(actor, dto);
  }
}
