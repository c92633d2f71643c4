import { useState } from 'react';
import { api } from '../../api/client';
import { Empty, errorMessage, QueryState } from '../../components/page-state';
import type { DiagramDefinition } from '../processes/diagram/process-graph';
import { TemplateDiagrams } from '../processes/template-diagrams';
import { useAdminList, useAdminMutation } from './admin-queries';

export interface BundledTemplate {
  name: string;
  title: string;
  description: string;
  installs: { processes: string[]; queues: string[]; calendars: string[]; messageTemplates: string[]; workflows: string[] };
  installed: boolean;
  /** The template's process definitions, when the backend sends them (GET /templates does not yet). */
  processes?: Array<Partial<DiagramDefinition>>;
}

interface InstallItem {
  key: string;
  change: 'created' | 'updated' | 'unchanged';
  /** Something the install had to do that the admin should know, e.g. a designed flow it dropped. */
  note?: string;
}

export interface InstallResult {
  name: string;
  calendars: InstallItem[];
  queues: InstallItem[];
  messageTemplates: InstallItem[];
  processes: InstallItem[];
  workflows: InstallItem[];
  n8n: 'installed' | 'not configured';
}

const TEMPLATES = ['admin', 'templates'];

/** "3 created, 1 updated" over every kind of thing an install touches. */
export function summariseInstall(result: InstallResult): string {
  const items = [...result.calendars, ...result.queues, ...result.messageTemplates, ...result.processes, ...result.workflows];
  const count = (change: InstallItem['change']) => items.filter((item) => item.change === change).length;
  const parts = [`${count('created')} created`, `${count('updated')} updated`, `${count('unchanged')} unchanged`];
  const n8n = result.n8n === 'installed' ? 'workflows set up in n8n' : 'n8n is not connected, so no workflows were set up';
  const notes = items.filter((item) => item.note).map((item) => ` ${item.key}: ${item.note}`);
  return `${parts.join(', ')}; ${n8n}.${notes.join('')}`;
}

/** The bundled flows (bookings, invoices, onboarding, referrals); installing again updates, never duplicates. */
export function TemplatesPanel() {
  const templates = useAdminList<BundledTemplate>(TEMPLATES, '/templates');
  const [outcome, setOutcome] = useState<{ name: string; text: string } | null>(null);
  const install = useAdminMutation(
    (name: string) =>
      api.post<InstallResult>(`/templates/${name}/install`).then((result) => {
        setOutcome({ name, text: summariseInstall(result) });
        return result;
      }),
    [TEMPLATES, ['processes']],
  );
  return (
    <div className="stack">
      {install.error ? (
        <p className="form-error" role="alert">
          {errorMessage(install.error)}
        </p>
      ) : null}
      <QueryState query={templates}>
        {(list) =>
          list.length === 0 ? (
            <Empty title="No templates bundled">The backend found no templates folder.</Empty>
          ) : (
            <ul className="card-grid">
              {list.map((template) => (
                <li key={template.name} className="card">
                  <h3>{template.title}</h3>
                  <p className="small">{template.description}</p>
                  <p className="small muted">
                    Processes: {template.installs.processes.join(', ')} · Queues: {template.installs.queues.join(', ')} · n8n
                    workflows: {template.installs.workflows.length}
                  </p>
                  <TemplateDiagrams processes={template.processes} />
                  {outcome?.name === template.name ? (
                    <p className="small" role="status">
                      Installed: {outcome.text}
                    </p>
                  ) : null}
                  <button
                    type="button"
                    className="button"
                    disabled={install.isPending}
                    aria-label={`${template.installed ? 'Install again' : 'Install'} ${template.title}`}
                    onClick={() => install.mutate(template.name)}
                  >
                    {install.isPending && install.variables === template.name ? 'Installing…' : template.installed ? 'Install again' : 'Install'}
                  </button>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </div>
  );
}
