import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { Database } from '../database/database';
import { CaseDocumentTable, TaskTable } from '../database/tables';

@Injectable()
export class DocumentsRepository {
  constructor(private readonly db: Database) {}

  insert(row: CaseDocumentTable): Promise<void> {
    return this.db.insert(CaseDocumentTable, row);
  }

  findById(id: string): Promise<CaseDocumentTable | null> {
    return this.db.findOneBy(CaseDocumentTable, { id });
  }

  /** Newest first; ids are time-ordered, so they break ties within a millisecond. */
  listForInstance(instanceId: string, kinds?: string[]): Promise<CaseDocumentTable[]> {
    return this.db.findBy(CaseDocumentTable, { instanceId, kind: kinds }, { createdAt: 'DESC', id: 'DESC' });
  }

  async remove(id: string): Promise<void> {
    await this.db.manager.delete(CaseDocumentTable, { id });
  }

  async taskOfInstance(taskId: string, instanceId: string): Promise<boolean> {
    return (await this.db.count(TaskTable, { id: taskId, instanceId })) > 0;
  }

  /** Which of these folder-store keys still have a document (the sweep removes the others' files). */
  async folderKeysInUse(keys: string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows = await this.db.manager.find(CaseDocumentTable, { where: { storage: 'folder', storageKey: In(keys) }, select: { storageKey: true } });
    return new Set(rows.map((row) => row.storageKey));
  }
}
