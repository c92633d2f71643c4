import { api } from '../../../api/client';
import type { N8nGenerated, N8nWorkflowLink, Page, Process, ProcessCheck } from '../../../api/types';
import { toDraftBody, type DesignDefinition } from './model/design-definition';

/** Every call the designer makes, through the one API client. */
const base = (key: string) => `/processes/${encodeURIComponent(key)}`;

export const designerApi = {
  versions: (key: string) => api.get<Page<Process>>(`${base(key)}/versions`, { limit: 500 }).then((page) => page.items),
  check: (definition: DesignDefinition) => api.post<ProcessCheck>('/processes/check', definition),
  create: (definition: DesignDefinition) => api.post<Process>('/processes', definition),
  startDraft: (key: string) => api.post<Process>(`${base(key)}/draft`),
  saveDraft: (definition: DesignDefinition) => api.patch<Process>(`${base(definition.key)}/draft`, toDraftBody(definition)),
  publish: (key: string) => api.post<Process>(`${base(key)}/publish`),
  planWorkflow: (key: string) => api.post<N8nGenerated>(`${base(key)}/n8n-workflow?dryRun=true`),
  generateWorkflow: (key: string, confirm: boolean) => api.post<N8nGenerated>(`${base(key)}/n8n-workflow${confirm ? '?confirm=true' : ''}`),
  workflowLink: (key: string) => api.get<N8nWorkflowLink>(`${base(key)}/n8n-workflow`),
  archive: (key: string, archived: boolean) => api.post<Process>(`${base(key)}/${archived ? 'archive' : 'unarchive'}`),
};
