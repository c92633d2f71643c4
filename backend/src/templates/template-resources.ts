import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { isDeepStrictEqual } from 'node:util';
import type { Actor } from '../auth/actor';
import { validInput } from '../bootstrap/first-admin';
import { CreateCalendarDto } from '../calendars/calendars.dto';
import { CalendarsService } from '../calendars/calendars.service';
import { CreateMessageTemplateDto } from '../messages/message-templates.dto';
import { MessageTemplatesService } from '../messages/message-templates.service';
import { CreateQueueDto } from '../queues/queues.dto';
import { QueuesService } from '../queues/queues.service';
import type { InstallItem } from './templates.dto';
import type { MessageFile } from './template-files';

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** Upserts what processes point at (calendars, queues) and the message templates, each only when it differs. */
@Injectable()
export class TemplateResources {
  constructor(
    private readonly calendars: CalendarsService,
    private readonly queues: QueuesService,
    private readonly messages: MessageTemplatesService,
  ) {}

  async upsertCalendars(actor: Actor, files: Record<string, unknown>[], where: string): Promise<InstallItem[]> {
    const out: InstallItem[] = [];
    for (const file of files) {
      const dto = await valid(CreateCalendarDto, file, where);
      const existing = await this.calendars.findByKey(dto.key);
      if (!existing) {
        await this.calendars.create(actor, dto);
        out.push({ key: dto.key, change: 'created' });
        continue;
      }
      const same =
        existing.name === dto.name &&
        existing.timeZone === dto.timeZone &&
        isDeepStrictEqual(weekOf(existing.workingHours), weekOf(dto.workingHours)) &&
        isDeepStrictEqual([...(existing.holidays ?? [])].sort(), [...((dto.holidays as string[]) ?? [])].sort());
      if (!same) await this.calendars.update(actor, dto.key, { name: dto.name, timeZone: dto.timeZone, workingHours: dto.workingHours, holidays: dto.holidays ?? [] });
      out.push({ key: dto.key, change: same ? 'unchanged' : 'updated' });
    }
    return out;
  }

  /** Queues first without their supervisor, so a queue may name one defined after it. */
  async upsertQueues(actor: Actor, files: Record<string, unknown>[], where: string): Promise<InstallItem[]> {
    const dtos = await Promise.all(files.map((file) => valid(CreateQueueDto, file, where)));
    const created = new Set<string>();
    for (const dto of dtos) {
      if (await this.queueExists(dto.key)) continue;
      await this.queues.create(actor, { key: dto.key, name: dto.name, description: dto.description, calendarKey: dto.calendarKey });
      created.add(dto.key);
    }
    const out: InstallItem[] = [];
    for (const dto of dtos) {
      const current = await this.queues.get(dto.key);
      const wanted = {
        name: dto.name,
        description: dto.description ?? '',
        calendarKey: dto.calendarKey ?? null,
        supervisorQueueKey: dto.supervisorQueueKey ?? null,
      };
      const same =
        current.name === wanted.name &&
        current.description === wanted.description &&
        current.calendarKey === wanted.calendarKey &&
        current.supervisorQueueKey === wanted.supervisorQueueKey;
      if (!same) await this.queues.update(actor, dto.key, wanted);
      out.push({ key: dto.key, change: created.has(dto.key) ? 'created' : same ? 'unchanged' : 'updated' });
    }
    return out;
  }

  /** A template's content is versioned: a new version only when name, subject, a body, the kind or a document changed. */
  async upsertMessages(actor: Actor, files: MessageFile[], where: string): Promise<InstallItem[]> {
    const out: InstallItem[] = [];
    for (const file of files) {
      const { key, name, subject, html, text, kind, documents } = file;
      const dto = await valid(CreateMessageTemplateDto, { key, name, subject, html, text, kind, documents }, where);
      const latest = await this.messages.get(dto.key).catch((error: unknown) => {
        if (error instanceof NotFoundException) return null;
        throw error;
      });
      const same =
        latest !== null &&
        latest.name === dto.name &&
        latest.subject === dto.subject &&
        latest.html === (dto.html ?? '') &&
        latest.text === (dto.text ?? '') &&
        latest.kind === (dto.kind ?? 'customer') &&
        JSON.stringify(latest.documents) === JSON.stringify((dto.documents ?? []).map(({ filename, title, body }) => ({ filename, title, body })));
      if (same) {
        out.push({ key: dto.key, change: 'unchanged', version: latest.version });
        continue;
      }
      const saved = await this.messages.create(actor, dto);
      out.push({ key: dto.key, change: latest ? 'updated' : 'created', version: saved.version });
    }
    return out;
  }

  private async queueExists(key: string): Promise<boolean> {
    return this.queues.resolve(key).then(
      () => true,
      (error: unknown) => {
        if (error instanceof NotFoundException) return false;
        throw error;
      },
    );
  }
}

/** Template files get the API's own validation; a bad file is named in the 400. */
export async function valid<T extends object>(type: new () => T, plain: object, where: string): Promise<T> {
  try {
    return await validInput(type, plain);
  } catch (error) {
    throw new BadRequestException(`${where}: ${(error as Error).message}`);
  }
}

function weekOf(hours: unknown): unknown[] {
  const record = (hours ?? {}) as Record<string, unknown>;
  return DAYS.map((day) => record[day] ?? []);
}
