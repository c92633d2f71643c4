import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../auth/decorators';
import { TakeResumeDto, TakeResumeResponse } from './waits.dto';
import { WaitsService } from './waits.service';

@ApiTags('waits')
@Controller('waits')
export class WaitsController {
  constructor(private readonly waits: WaitsService) {}

  /** The Await Decision and Relative Delay nodes call this when a resume reaches them (see WaitsService.take). */
  @Post('take')
  @HttpCode(200)
  @RequirePermission('instances:write')
  take(@Body() dto: TakeResumeDto): Promise<TakeResumeResponse> {
    return this.waits.take(dto);
  }
}
