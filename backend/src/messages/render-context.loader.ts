import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../config/config';
import type { EntityTable, InstanceTable, TaskTable } from '../database/tables';
import { MessagesRepository } from './messages.repository';
import { buildRenderContext } from './render-context';

export interface RenderContextRequest {
  instanceId?: string | null;
  /** Adds `task` and `links.task` (escalation notices). */
  taskId?: string | null;
  /** Laid over the instance's data. */
  data?: Record<string, unknown>;
}

export interface LoadedRenderContext {
  instance: InstanceTable | null;
  entity: EntityTable | null;
  task: TaskTable | null;
  context: Record<string, unknown>;
}

/**
 * Loads what a message about a case is rendered with. Sending and previewing both come here, so
 * a preview against a case shows exactly what a send on that case would render.
 */
@Injectable()
export class RenderContextLoader {
  constructor(
    private readonly repository: MessagesRepository,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Call inside a unit of work; 404 for an unknown instance or task. */
  async load(request: RenderContextRequest): Promise<LoadedRenderContext> {
    const instance = request.instanceId ? await this.repository.findInstance(request.instanceId) : null;
    if (request.instanceId && !instance) throw new NotFoundException(`There is no instance ${request.instanceId}.`);
    const task = request.taskId ? await this.repository.findTask(request.taskId) : null;
    if (request.taskId && !task) throw new NotFoundException(`There is no task ${request.taskId}.`);
    const entity = instance ? await this.repository.findEntity(instance.entityId) : null;
    const visit = instance ? await this.repository.findOpenVisit(instance.id) : null;
    const related = entity ? await this.repository.findRelated(entity.id) : [];
    const context = buildRenderContext({
      instance,
      entity,
      visit,
      task,
      related,
      data: request.data ?? {},
      publicUrl: this.config.publicUrl,
      now: this.clock.now(),
    });
    return { instance, entity, task, context };
  }
}
