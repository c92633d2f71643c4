import { Module } from '@nestjs/common';
import { DocumentAttachments } from './document-attachments';
import { DocumentStores } from './document-stores';
import { DocumentWriter } from './document-writer';
import { DocumentsController } from './documents.controller';
import { DocumentsRepository } from './documents.repository';
import { DocumentsService } from './documents.service';
import { DocumentFolderSweep } from './folder-sweep';

/** Files on a case; launches (instances/) and messages (attachDocuments) use its writer and attachments. */
@Module({
  controllers: [DocumentsController],
  providers: [DocumentStores, DocumentsRepository, DocumentWriter, DocumentsService, DocumentAttachments, DocumentFolderSweep],
  exports: [DocumentWriter, DocumentsRepository, DocumentAttachments, DocumentFolderSweep],
})
export class DocumentsModule {}
