import { ConflictException, Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { CreateEntityTypeDto } from '../entity-types/entity-types.dto';
import { EntityTypesService } from '../entity-types/entity-types.service';
import { valid } from './template-resources';
import type { InstallItem } from './templates.dto';

/** The record types a template's processes start from (a course date), created once; an existing one is left as it is. */
@Injectable()
export class RecordTypesInstaller {
  constructor(private readonly entityTypes: EntityTypesService) {}

  async upsert(actor: Actor, files: Record<string, unknown>[], where: string): Promise<InstallItem[]> {
    const out: InstallItem[] = [];
    for (const file of files) {
      const dto = await valid(CreateEntityTypeDto, file, where);
      try {
        await this.entityTypes.create(actor, dto);
        out.push({ key: dto.key, change: 'created' });
      } catch (error) {
        if (!(error instanceof ConflictException)) throw error;
        out.push({ key: dto.key, change: 'unchanged' });
      }
    }
    return out;
  }
}
