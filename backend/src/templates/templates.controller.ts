import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor, RequirePermission } from '../auth/decorators';
import type { InstallResultResponse, TemplateResponse } from './templates.dto';
import { TemplatesService } from './templates.service';

@ApiTags('templates')
@Controller('templates')
export class TemplatesController {
  constructor(private readonly templates: TemplatesService) {}

  @RequirePermission('processes:read')
  @Get()
  list(): Promise<TemplateResponse[]> {
    return this.templates.list();
  }

  @RequirePermission('admin')
  @Post(':name/install')
  @HttpCode(200)
  install(@CurrentActor() actor: Actor, @Param('name') name: string): Promise<InstallResultResponse> {
    return this.templates.install(actor, name);
  }
}
