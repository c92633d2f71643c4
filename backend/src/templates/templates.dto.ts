export interface TemplateResponse {
  name: string;
  title: string;
  description: string;
  installs: {
    processes: string[];
    queues: string[];
    calendars: string[];
    messageTemplates: string[];
    workflows: string[];
  };
  /** Every process of the template has a published version. */
  installed: boolean;
  /** The process definitions it installs, so the gallery can draw them before anything is installed. */
  processes: TemplateProcessResponse[];
}

export interface TemplateProcessResponse {
  key: string;
  name: string;
  entityTypes: unknown;
  stages: unknown;
  decisions: unknown;
  intake: unknown;
  calendarKey: string | null;
}

export type Change = 'created' | 'updated' | 'unchanged';

export interface InstallItem {
  key: string;
  change: Change;
  version?: number;
  id?: string;
  /** Something the install did that the caller should know, e.g. a designed flow it had to drop. */
  note?: string;
}

export interface InstallResultResponse {
  name: string;
  recordTypes: InstallItem[];
  calendars: InstallItem[];
  queues: InstallItem[];
  messageTemplates: InstallItem[];
  processes: InstallItem[];
  /** Empty with `n8n` saying why when the backend is not connected to n8n. */
  workflows: InstallItem[];
  n8n: 'installed' | 'not configured';
}
