/** Files on a case (GET /instances/:id/documents, GET /documents/:id), as the API answers them. */

export type DocumentSource = 'intake' | 'reviewer' | 'node' | 'api';

export interface CaseDocument {
  id: string;
  instanceId: string;
  name: string;
  contentType: string;
  size: number;
  sha256: string;
  /** A label such as `intake`, `referral-letter`, `supporting`. */
  kind: string;
  /** The intake path the file answers (`data.referralLetter`), when it came with the launch. */
  field: string | null;
  source: DocumentSource;
  taskId: string | null;
  addedBy: { type: string; id: string | null; name: string | null };
  createdAt: string;
  /** `/api/v1/documents/<id>/content`; `?inline=true` shows PDFs, images and text in the browser. */
  url: string;
}

/** One file as a launch or an upload sends it: the bytes in base64. */
export interface DocumentUpload {
  name: string;
  contentType: string;
  content: string;
  kind?: string;
  field?: string;
  taskId?: string;
}

/** What `data.<path>` holds once a launch's file for that intake field is stored. */
export interface StoredFileRef {
  documentId: string;
  name: string;
  contentType?: string;
  size?: number;
}
