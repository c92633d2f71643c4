import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Page, Process } from '../../api/types';

/** Definitions number in the tens (the backend says so too): one page of 500 holds them all. */
const ALL = { limit: 500 };

export interface ProcessSummary {
  /** The latest published version, or the draft while none was published. */
  head: Process;
  draft: Process | null;
}

/** Every process key with its head version and its draft, if one is open; archived ones only when asked for. */
export function useProcessSummaries(archived = false) {
  return useQuery({
    queryKey: ['processes', 'summaries', { archived }],
    queryFn: async (): Promise<ProcessSummary[]> => {
      const query = { ...ALL, archived: archived || undefined };
      const [heads, drafts] = await Promise.all([
        api.get<Page<Process>>('/processes', query),
        api.get<Page<Process>>('/processes', { ...query, status: 'draft' }),
      ]);
      const draftOf = new Map(drafts.items.map((draft) => [draft.key, draft]));
      return heads.items.map((head) => ({ head, draft: draftOf.get(head.key) ?? null }));
    },
  });
}

/** Every version of one process, newest first as the backend lists them. */
export function useProcessVersions(key: string) {
  return useQuery({
    queryKey: ['processes', key, 'versions'],
    queryFn: () => api.get<Page<Process>>(`/processes/${encodeURIComponent(key)}/versions`, ALL).then((page) => page.items),
  });
}

export function useProcessVersion(key: string, version: number) {
  return useQuery({
    queryKey: ['processes', key, 'versions', version],
    queryFn: () => api.get<Process>(`/processes/${encodeURIComponent(key)}/versions/${version}`),
    // Published versions never change; a draft may, so it is read afresh.
    staleTime: (query) => (query.state.data?.status === 'published' ? Infinity : 0),
  });
}

export const versionPath = (key: string, version: number) => `/processes/${encodeURIComponent(key)}/versions/${version}`;
