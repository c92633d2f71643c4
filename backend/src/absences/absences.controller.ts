import { Body, Controller, Delete, Get, Param, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor, RequirePermission } from '../auth/decorators';
import { idParam } from '../common/params';
import { AbsenceResponse, SetAbsenceDto } from './absences.dto';
import { AbsencesService, selfId } from './absences.service';

@ApiTags('absences')
@Controller()
export class AbsencesController {
  constructor(private readonly absences: AbsencesService) {}

  @Get('me/absence')
  mine(@CurrentActor() actor: Actor): Promise<AbsenceResponse> {
    return this.absences.get(selfId(actor));
  }

  /** Replaces any absence already set. One that has begun hands the user's open tasks to the delegate at once. */
  @Put('me/absence')
  setMine(@CurrentActor() actor: Actor, @Body() dto: SetAbsenceDto): Promise<AbsenceResponse> {
    return this.absences.set(actor, selfId(actor), dto);
  }

  @Delete('me/absence')
  clearMine(@CurrentActor() actor: Actor): Promise<AbsenceResponse> {
    return this.absences.clear(actor, selfId(actor));
  }

  @Get('users/:id/absence')
  @RequirePermission('admin')
  get(@Param('id', idParam('user')) id: string): Promise<AbsenceResponse> {
    return this.absences.get(id);
  }

  /** An admin sets someone's absence for them (they fell ill and cannot do it themselves). */
  @Put('users/:id/absence')
  @RequirePermission('admin')
  set(@CurrentActor() actor: Actor, @Param('id', idParam('user')) id: string, @Body() dto: SetAbsenceDto): Promise<AbsenceResponse> {
    return this.absences.set(actor, id, dto);
  }

  @Delete('users/:id/absence')
  @RequirePermission('admin')
  clear(@CurrentActor() actor: Actor, @Param('id', idParam('user')) id: string): Promise<AbsenceResponse> {
    return this.absences.clear(actor, id);
  }
}
