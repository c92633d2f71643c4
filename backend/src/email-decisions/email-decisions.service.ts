import { BadRequestException, ConflictException, Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { permissionsOfRole } from '../auth/permissions';
import { sha256 } from '../auth/secrets';
import { Clock } from '../common/clock';
import { Database } from '../database/database';
import type { EmailDecisionLinkTable, TaskTable, UserTable } from '../database/tables';
import { InstancesService } from '../instances/instances.service';
import { ProcessesService } from '../processes/processes.service';
import { QueuesService } from '../queues/queues.service';
import { TaskActionsService } from '../tasks/task-actions.service';
import { CaseSummary, EmailDecisionPage } from './email-decision-page';
import { EmailDecisionLinksRepository } from './email-decision-links.repository';

/** 32 random bytes in base64url; anything else cannot be a link and is not looked up. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

const closed = (status: number, title: string, message: string): EmailDecisionPage => ({ status, view: { kind: 'closed', title, message } });
const UNKNOWN = closed(404, 'Link not found', 'This decision link is not known. Open the task in Caseflow instead.');

/** A link whose task and recipient may be decided on now. */
interface Usable {
  link: EmailDecisionLinkTable;
  task: TaskTable;
  actor: Actor;
}

/**
 * The pages behind decision links. The token in the path is the credential, bound to the person it
 * was sent to; a GET only ever shows (mail scanners and link previews fetch URLs), a POST decides
 * through the inbox's own decide, so the same 409 rules, resume to n8n and audit apply.
 */
@Injectable()
export class EmailDecisionsService {
  constructor(
    private readonly db: Database,
    private readonly repository: EmailDecisionLinksRepository,
    private readonly actions: TaskActionsService,
    private readonly instances: InstancesService,
    private readonly processes: ProcessesService,
    private readonly queues: QueuesService,
    private readonly clock: Clock,
  ) {}

  show(token: string): Promise<EmailDecisionPage> {
    return this.db.read(async () => {
      const found = await this.usable(token);
      return 'status' in found ? found : this.confirmPage(found, '', null, 200);
    });
  }

  async confirm(token: string, comment: string): Promise<EmailDecisionPage> {
    try {
      return await this.db.transaction(async () => {
        const found = await this.usable(token);
        if ('status' in found) return found;
        const { link, task, actor } = found;
        const decided = await this.actions.decide(actor, task.id, { decision: link.decisionKey, comment }, 'email');
        await this.repository.useAllOf(task.id, actor.id!, this.clock.now());
        const label = task.decisions.find((d) => d.key === link.decisionKey)?.label ?? link.decisionKey;
        return { status: 200, view: { kind: 'decided', label, by: actor.name, at: Date.parse(decided.decidedAt!), byThisLink: true } };
      });
    } catch (error) {
      // A colleague decided in between: the page says who, as it would on a fresh visit.
      if (error instanceof ConflictException) return this.show(token);
      if (error instanceof BadRequestException) {
        return this.db.read(async () => {
          const found = await this.usable(token);
          return 'status' in found ? found : this.confirmPage(found, comment, refusalOf(error), 400);
        });
      }
      throw error;
    }
  }

  /** Checks in the order a person needs to hear them: unknown, decided, no longer open, expired, not theirs. */
  private async usable(token: string): Promise<Usable | EmailDecisionPage> {
    if (!TOKEN.test(token)) return UNKNOWN;
    const link = await this.repository.find(sha256(token));
    const task = link && (await this.repository.findTask(link.taskId));
    if (!link || !task) return UNKNOWN;
    if (task.status === 'decided') return this.decidedPage(task);
    if (task.status !== 'open' && task.status !== 'claimed') {
      return closed(410, 'Task no longer open', `This task was ${task.status}; there is nothing left to decide.`);
    }
    if (link.usedAt !== null || this.clock.now() >= link.expiresAt) {
      return closed(410, 'Link expired', 'This decision link has expired. Open the task in Caseflow to decide it.');
    }
    const user = await this.repository.findUser(link.userId);
    const refusal = user ? await this.refusal(user, task) : 'The person this link was sent to no longer has an account.';
    if (refusal || !user) return closed(403, 'Not allowed', refusal ?? '');
    const actor: Actor = { type: 'user', id: user.id, name: user.name, role: user.role, permissions: permissionsOfRole(user.role) };
    return { link, task, actor };
  }

  /** The link's person must still be allowed to decide: active, permitted, in the task's queue or its assignee. */
  private async refusal(user: UserTable, task: TaskTable): Promise<string | null> {
    if (!user.active) return 'Your account is no longer active.';
    if (!permissionsOfRole(user.role).has('tasks:write')) return 'Your role does not allow deciding tasks.';
    const inQueue = (await this.queues.queueIdsOf(user.id)).includes(task.queueId);
    if (!inQueue && task.assigneeId !== user.id) return 'This task is no longer in a queue of yours, so this link cannot decide it.';
    if (task.status === 'claimed' && task.assigneeId !== user.id) {
      return 'A colleague has claimed this task, so it is theirs to decide now.';
    }
    return null;
  }

  private async decidedPage(task: TaskTable): Promise<EmailDecisionPage> {
    const event = await this.repository.findDecisionEvent(task.id);
    const label = task.decisions.find((d) => d.key === task.decision)?.label ?? task.decision ?? '';
    const by = event?.actorName ?? 'someone';
    return { status: 200, view: { kind: 'decided', label, by, at: task.decidedAt ?? 0, byThisLink: false } };
  }

  private async confirmPage(found: Usable, comment: string, error: string | null, status: number): Promise<EmailDecisionPage> {
    const { link, task } = found;
    const decision = task.decisions.find((d) => d.key === link.decisionKey);
    if (!decision) return closed(410, 'Decision no longer offered', 'This task no longer offers the decision this link was made for.');
    return {
      status,
      view: { kind: 'confirm', summary: await this.summary(task), decisionLabel: decision.label, commentRequired: !!decision.commentRequired, comment, error },
    };
  }

  private async summary(task: TaskTable): Promise<CaseSummary> {
    const instance = await this.instances.load(task.instanceId);
    const process = await this.processes.getVersion(instance.processId);
    const entity = (await this.instances.get(instance.id)).entity;
    return {
      entityName: entity?.name ?? null,
      processName: process.name,
      stageName: process.stages.find((s) => s.key === task.stageKey)?.name ?? task.stageKey,
      taskTitle: task.title,
      instructions: task.instructions,
    };
  }
}

/** The decide path's field message ("comment: … needs a comment.") reads well to a person as it is. */
function refusalOf(error: BadRequestException): string {
  const response = error.getResponse();
  const message = typeof response === 'object' && response && 'message' in response ? (response as { message: unknown }).message : error.message;
  return (Array.isArray(message) ? message.join(' ') : String(message)).replace(/^comment: /, '');
}
