import { Injectable } from '@nestjs/common';
import type { MessageAttachment } from '../database/tables';
import { DocumentStores } from './document-stores';
import { DocumentsRepository } from './documents.repository';

/** A case's documents as message attachments: every one, or only those of the given kinds. */
@Injectable()
export class DocumentAttachments {
  constructor(
    private readonly repository: DocumentsRepository,
    private readonly stores: DocumentStores,
  ) {}

  /** Call inside a unit of work; oldest first, the order they were added. */
  async forCase(instanceId: string, select: { kinds?: string[] }): Promise<MessageAttachment[]> {
    const kinds = select.kinds && select.kinds.length > 0 ? select.kinds : undefined;
    const rows = (await this.repository.listForInstance(instanceId, kinds)).reverse();
    const attachments: MessageAttachment[] = [];
    for (const row of rows) {
      const bytes = await this.stores.of(row.storage).get(row.storageKey);
      attachments.push({ filename: row.name, contentType: row.contentType, content: bytes.toString('base64') });
    }
    return attachments;
  }
}
