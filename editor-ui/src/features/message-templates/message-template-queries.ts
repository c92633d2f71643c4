import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { MessagePreview, MessagePreviewInput, MessageTemplate, MessageTemplateInput } from '../../api/message-types';
import type { Page } from '../../api/types';

export const templateKeys = {
  all: ['message-templates'] as const,
  list: (offset: number) => ['message-templates', 'list', offset] as const,
  latest: (key: string) => ['message-templates', 'key', key] as const,
  versions: (key: string) => ['message-templates', 'key', key, 'versions'] as const,
};

/** The latest version of every template, a page at a time. */
export function useMessageTemplates(offset: number, limit: number) {
  return useQuery({
    queryKey: templateKeys.list(offset),
    queryFn: ({ signal }) => api.get<Page<MessageTemplate>>('/message-templates', { limit, offset }, signal),
    placeholderData: (previous) => previous,
  });
}

export function useMessageTemplate(key: string, enabled = true) {
  return useQuery({ queryKey: templateKeys.latest(key), queryFn: () => api.get<MessageTemplate>(`/message-templates/${encodeURIComponent(key)}`), enabled });
}

/** Every version of a key, newest first. */
export function useTemplateVersions(key: string, enabled = true) {
  return useQuery({
    queryKey: templateKeys.versions(key),
    queryFn: () => api.get<Page<MessageTemplate>>(`/message-templates/${encodeURIComponent(key)}/versions`, { limit: 100 }).then((page) => page.items),
    enabled,
  });
}

/** A save is a new version of the key; lists and versions are refreshed after it. */
export function useSaveTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MessageTemplateInput) => api.post<MessageTemplate>('/message-templates', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: templateKeys.all }),
  });
}

export function previewTemplate(body: MessagePreviewInput, signal?: AbortSignal): Promise<MessagePreview> {
  return api.post<MessagePreview>('/message-templates/preview', body, signal);
}

/** One of the draft's documents rendered as the PDF a send would attach. */
export function previewDocument(body: MessagePreviewInput, index: number): Promise<Blob> {
  return api.postForBlob(`/message-templates/preview/documents/${index}`, body);
}
