import { Injectable } from '@nestjs/common';
import { Database } from '../database/database';
import { N8nWorkflowLinkTable } from '../database/tables';

/** Which n8n workflow runs each process key's designed flow. */
@Injectable()
export class N8nWorkflowLinksRepository {
  constructor(private readonly db: Database) {}

  find(processKey: string): Promise<N8nWorkflowLinkTable | null> {
    return this.db.manager.findOneBy(N8nWorkflowLinkTable, { processKey });
  }

  async save(link: N8nWorkflowLinkTable): Promise<void> {
    await this.db.manager.upsert(N8nWorkflowLinkTable, link, ['processKey']);
  }

  /** The generated workflow's production webhook: how a case started in the UI reaches n8n. */
  async webhookUrlOf(processKey: string): Promise<string | null> {
    const link = await this.db.manager.findOne(N8nWorkflowLinkTable, { where: { processKey }, select: { processKey: true, webhookUrl: true } });
    return link?.webhookUrl ?? null;
  }
}
