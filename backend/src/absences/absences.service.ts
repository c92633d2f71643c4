import { BadRequestException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { Clock } from '../common/clock';
import { iso } from '../common/time';
import { Database } from '../database/database';
import type { AbsenceTable } from '../database/tables';
import { EventsService } from '../events/events.service';
import { AbsenceHandOver } from './absence-hand-over';
import { AbsenceResponse, PersonResponse, SetAbsenceDto, toAbsenceResponse } from './absences.dto';
import { AbsencesRepository } from './absences.repository';

/** A person's absence and who covers it: set by themselves, or by an admin for them. */
@Injectable()
export class AbsencesService {
  constructor(
    private readonly db: Database,
    private readonly repository: AbsencesRepository,
    private readonly handOver: AbsenceHandOver,
    private readonly events: EventsService,
    private readonly clock: Clock,
  ) {}

  get(userId: string): Promise<AbsenceResponse> {
    return this.db.read(async () => {
      await this.loadUser(userId);
      return this.respond(await this.repository.find(userId));
    });
  }

  async set(actor: Actor, userId: string, dto: SetAbsenceDto): Promise<AbsenceResponse> {
    return this.db.transaction(async () => {
      await this.loadUser(userId);
      const now = this.clock.now();
      const fromAt = Date.parse(dto.from);
      const untilAt = Date.parse(dto.until);
      if (untilAt <= fromAt) throw new BadRequestException('until: must be after from.');
      if (untilAt <= now) throw new BadRequestException('until: is already past; an absence must end in the future.');
      if (dto.delegateId === userId) throw new BadRequestException('delegateId: someone else must cover the absence.');
      const delegate = await this.repository.findUser(dto.delegateId);
      if (!delegate || !delegate.active) throw new BadRequestException(`delegateId: no active user has id ${dto.delegateId}.`);
      const row: AbsenceTable = { userId, fromAt, untilAt, delegateId: delegate.id, note: dto.note ?? '', appliedAt: null, createdAt: now };
      await this.repository.replace(row);
      await this.events.record(actor, 'user.absence_set', {}, {
        userId,
        from: dto.from,
        until: dto.until,
        delegateId: delegate.id,
        delegateName: delegate.name,
      });
      // Begun already: hand the work over now rather than at the next sweep.
      if (fromAt <= now && (await this.repository.markApplied(userId, fromAt, now))) {
        await this.handOver.handOver(actor, { ...row, appliedAt: now }, now);
      }
      return toAbsenceResponse(row, delegate.name, now);
    });
  }

  async clear(actor: Actor, userId: string): Promise<AbsenceResponse> {
    return this.db.transaction(async () => {
      await this.loadUser(userId);
      const row = await this.repository.find(userId);
      if (row) {
        await this.repository.remove(userId);
        await this.events.record(actor, 'user.absence_ended', {}, { userId, delegateId: row.delegateId });
      }
      return { absence: null };
    });
  }

  /** Active users by name, with who covers those away now. */
  people(): Promise<PersonResponse[]> {
    return this.db.read(async () => {
      const now = this.clock.now();
      const users = await this.repository.activeUsers();
      const names = new Map(users.map((user) => [user.id, user.name]));
      const absences = await this.repository.absencesOf(users.map((user) => user.id), now);
      const away = new Map(absences.filter((absence) => absence.fromAt <= now).map((absence) => [absence.userId, absence]));
      return users.map((user) => {
        const absence = away.get(user.id);
        const delegate = absence ? { id: absence.delegateId, name: names.get(absence.delegateId) ?? null } : null;
        return { id: user.id, name: user.name, email: user.email, away: absence && delegate ? { until: iso(absence.untilAt)!, delegate } : null };
      });
    });
  }

  /** Call inside a unit of work. */
  private async respond(row: AbsenceTable | null): Promise<AbsenceResponse> {
    const delegate = row ? await this.repository.findUser(row.delegateId) : null;
    return toAbsenceResponse(row, delegate?.name ?? null, this.clock.now());
  }

  private async loadUser(userId: string): Promise<void> {
    if (!(await this.repository.findUser(userId))) throw new NotFoundException(`There is no user ${userId}.`);
  }
}

/** The signed-in user behind a request for their own absence. */
export function selfId(actor: Actor): string {
  if (actor.type !== 'user' || !actor.id) throw new ForbiddenException('An absence belongs to a signed-in user; an API key has none.');
  return actor.id;
}
