import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type { N8nProcessMap, N8nWorkflowSummary } from './n8n-map-types';

export const n8nMapPath = (workflowId: string) => `/processes/n8n/${encodeURIComponent(workflowId)}`;

/** The n8n workflows that use Caseflow nodes; 503 while Caseflow has no n8n to ask. */
export function useN8nWorkflows() {
  return useQuery({
    queryKey: ['n8n', 'workflows'],
    queryFn: ({ signal }) => api.get<N8nWorkflowSummary[]>('/n8n/workflows', undefined, signal),
  });
}

export function useN8nProcessMap(workflowId: string) {
  return useQuery({
    queryKey: ['n8n', 'workflows', workflowId, 'process-map'],
    queryFn: ({ signal }) => api.get<N8nProcessMap>(`/n8n/workflows/${encodeURIComponent(workflowId)}/process-map`, undefined, signal),
  });
}
