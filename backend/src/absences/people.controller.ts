import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/decorators';
import { PersonResponse } from './absences.dto';
import { AbsencesService, selfId } from './absences.service';

/** Colleagues to put an activity on or to name as a delegate: every active user, for every signed-in user. */
@ApiTags('absences')
@Controller('people')
export class PeopleController {
  constructor(private readonly absences: AbsencesService) {}

  @Get()
  list(@CurrentActor() actor: Actor): Promise<PersonResponse[]> {
    selfId(actor);
    return this.absences.people();
  }
}
