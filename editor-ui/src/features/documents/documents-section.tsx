import { useState } from 'react';
import { QueryState } from '../../components/page-state';
import { useSession } from '../../session/session';
import { DocumentPreview } from './document-preview';
import { useCaseDocuments } from './document-queries';
import { DocumentsTable } from './documents-table';
import { UploadDocumentForm } from './upload-document-form';

const SUGGESTED_KINDS = ['supporting', 'intake', 'referral-letter', 'evidence'];

/** The case's files, on the case page and on its tasks' pages; upload for those with `documents:write`. */
export function DocumentsSection({ instanceId, taskId }: { instanceId: string; taskId?: string }) {
  const documents = useCaseDocuments(instanceId);
  const { can } = useSession();
  const [previewId, setPreviewId] = useState<string | null>(null);
  const previewed = documents.data?.find((document) => document.id === previewId) ?? null;
  const kinds = [...new Set([...(documents.data ?? []).map((document) => document.kind), ...SUGGESTED_KINDS])];
  return (
    <section className="card documents-section" aria-labelledby="documents-title">
      <h2 id="documents-title">Documents</h2>
      <QueryState query={documents} loadingLabel="Loading documents…">
        {(list) =>
          list.length === 0 ? (
            <p className="muted">No documents on this case yet.</p>
          ) : (
            <DocumentsTable documents={list} previewing={previewed?.id ?? null} onPreview={(document) => setPreviewId(document.id)} />
          )
        }
      </QueryState>
      {previewed ? <DocumentPreview key={previewed.id} document={previewed} onClose={() => setPreviewId(null)} /> : null}
      {can('documents:write') && !documents.error ? <UploadDocumentForm instanceId={instanceId} taskId={taskId} kinds={kinds} /> : null}
    </section>
  );
}
