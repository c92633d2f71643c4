import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { CaseDocument, DocumentUpload } from '../../api/document-types';
import { attachmentHref } from '../messages/message-attachments';

export const documentKeys = {
  /** Under the case's own key, so refreshing a case refreshes its documents too. */
  ofCase: (instanceId: string) => ['instances', instanceId, 'documents'] as const,
};

/** The case's files, newest first. */
export function useCaseDocuments(instanceId: string) {
  return useQuery({
    queryKey: documentKeys.ofCase(instanceId),
    queryFn: () => api.get<{ items: CaseDocument[] }>(`/instances/${instanceId}/documents`).then((page) => page.items),
  });
}

/** Adds a file to the case; the case (its timeline shows `document.added`) and its list are read afresh. */
export function useUploadDocument(instanceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (upload: DocumentUpload) => api.post<CaseDocument>(`/instances/${instanceId}/documents`, upload),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['instances', instanceId] }),
  });
}

const IMAGES = new Set(['image/png', 'image/jpeg', 'image/gif']);

/** The types the backend serves inline (messages/file-reply.ts); anything else it only lets download, so it gets no preview. */
export function previewKind(contentType: string): 'pdf' | 'image' | 'text' | null {
  const type = (contentType.split(';')[0] ?? '').trim().toLowerCase();
  if (type === 'application/pdf') return 'pdf';
  if (IMAGES.has(type)) return 'image';
  if (type === 'text/plain') return 'text';
  return null;
}

export const downloadHref = (document: Pick<CaseDocument, 'id' | 'url'>) => attachmentHref(document.url || `/documents/${document.id}/content`);
export const inlineHref = (document: Pick<CaseDocument, 'id' | 'url'>) => attachmentHref(document.url || `/documents/${document.id}/content`, true);
