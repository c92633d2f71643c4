import { Inject, Injectable } from '@nestjs/common';
import { randomToken, sha256 } from '../auth/secrets';
import { APP_CONFIG, AppConfig } from '../config/config';
import { Database } from '../database/database';
import type { EmailDecisionLinkTable, TaskTable } from '../database/tables';
import { EmailDecisionLinksRepository } from './email-decision-links.repository';

export interface DecisionLinkRecipient {
  userId: string;
  email: string;
}

export interface DecisionLink {
  key: string;
  label: string;
  url: string;
}

/** Where the links are served: outside /api/v1, like the UI, since a person opens them in a browser. */
export const EMAIL_DECISIONS_PATH = '/email-decisions';

@Injectable()
export class EmailDecisionLinksService {
  constructor(
    private readonly db: Database,
    private readonly repository: EmailDecisionLinksRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * One link per decision of the task, bound to the recipient, for a notification email. Joins the
   * caller's transaction, so the links exist exactly when the email that carries them is queued.
   * Only the token's hash is stored: the email is the one place the working link exists.
   */
  async decisionLinksFor(
    task: Pick<TaskTable, 'id' | 'decisions' | 'dueAt'>,
    recipient: DecisionLinkRecipient,
    now: number,
  ): Promise<DecisionLink[]> {
    const expiresAt = this.expiresAt(task.dueAt, now);
    return this.db.transaction(async () => {
      const made = task.decisions.map((decision) => ({ decision, token: randomToken(32) }));
      const rows: EmailDecisionLinkTable[] = made.map(({ decision, token }) => ({
        tokenHash: sha256(token),
        taskId: task.id,
        decisionKey: decision.key,
        userId: recipient.userId,
        email: recipient.email,
        expiresAt,
        usedAt: null,
        usedBy: null,
        createdAt: now,
      }));
      await this.repository.insert(rows);
      return made.map(({ decision, token }) => ({
        key: decision.key,
        label: decision.label,
        url: `${this.config.publicUrl}${EMAIL_DECISIONS_PATH}/${token}`,
      }));
    });
  }

  /**
   * The task's due time or the configured limit, whichever is sooner. A due time already past does
   * not count: a reminder about an overdue task must still carry links that work.
   */
  private expiresAt(dueAt: number | null, now: number): number {
    const limit = now + this.config.emailLinkTtlHours * 3_600_000;
    return dueAt !== null && dueAt > now ? Math.min(dueAt, limit) : limit;
  }
}
