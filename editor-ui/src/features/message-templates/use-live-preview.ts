import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { MessagePreviewInput } from '../../api/message-types';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { previewTemplate } from './message-template-queries';

export const PREVIEW_DELAY_MS = 400;

/**
 * The draft rendered by the backend once typing has paused. Each request is keyed by the draft it
 * renders, so a newer draft leaves the older request unobserved and React Query aborts it (the
 * signal is passed to fetch): a slow answer for stale text never replaces a newer one.
 */
export function useLivePreview(body: MessagePreviewInput | null) {
  const typed = body === null ? '' : JSON.stringify(body);
  const settled = useDebouncedValue(typed, PREVIEW_DELAY_MS);
  const query = useQuery({
    queryKey: ['message-preview', settled],
    queryFn: ({ signal }) => previewTemplate(JSON.parse(settled) as MessagePreviewInput, signal),
    enabled: settled !== '',
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
  return { ...query, waiting: typed !== settled || query.isFetching, empty: typed === '' };
}
