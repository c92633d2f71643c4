import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** One bundled template as it sits on disk: templates/<name>/. */
export interface TemplateFiles {
  name: string;
  title: string;
  description: string;
  /** process.json, then processes/*.json: the POST /processes shape plus queues, calendars and launchWebhookPath. */
  processes: ProcessFile[];
  messages: MessageFile[];
  workflows: WorkflowFile[];
}

export interface ProcessFile {
  file: string;
  definition: Record<string, unknown>;
  queues: Record<string, unknown>[];
  calendars: Record<string, unknown>[];
  /** Entity types the process starts from that a fresh install lacks: `[{ key, name }]`. */
  recordTypes: Record<string, unknown>[];
  /** Path of the n8n Webhook node that launches this process (its production URL becomes launchWebhookUrl). */
  launchWebhookPath?: string;
}

export interface MessageFile {
  key: string;
  name: string;
  subject: string;
  html: string;
  text: string;
  /** customer, admin or finance; validated with the API's own rules when installed. */
  kind?: unknown;
  /** Document templates ({ filename, title, body }), a `bodyFile` in messages/ read into `body`. */
  documents?: unknown;
}

export interface WorkflowFile {
  file: string;
  workflow: N8nWorkflowJson;
}

export interface N8nWorkflowNode {
  name: string;
  type: string;
  parameters: Record<string, unknown>;
  credentials?: Record<string, { id: string; name: string }>;
  [field: string]: unknown;
}

export interface N8nWorkflowJson {
  name: string;
  nodes: N8nWorkflowNode[];
  connections: Record<string, unknown>;
  settings?: Record<string, unknown>;
}

const EXTRA_PROCESS_FIELDS = ['queues', 'calendars', 'launchWebhookPath', 'recordTypes'];

export class TemplateFileError extends Error {}

/** The template folders (those with a process.json), by name. */
export async function listTemplateNames(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'process.json')))
    .map((entry) => entry.name)
    .sort();
}

export async function readTemplate(dir: string, name: string): Promise<TemplateFiles> {
  const root = join(dir, name);
  const readme = await readFile(join(root, 'README.md'), 'utf8').catch(() => '');
  const processFiles = ['process.json', ...(await jsonFilesIn(root, 'processes'))];
  const processes = await Promise.all(processFiles.map((file) => readProcess(root, file)));
  const workflowFiles = await jsonFilesIn(root, 'workflows');
  const workflows = await Promise.all(
    workflowFiles.map(async (file) => ({ file, workflow: (await readJson(root, file)) as N8nWorkflowJson })),
  );
  const { title, description } = summaryOf(readme, processes[0]!.definition);
  return { name, title, description, processes, messages: await readMessages(root), workflows };
}

async function readProcess(root: string, file: string): Promise<ProcessFile> {
  const raw = (await readJson(root, file)) as Record<string, unknown>;
  const definition = Object.fromEntries(Object.entries(raw).filter(([key]) => !EXTRA_PROCESS_FIELDS.includes(key)));
  const launchWebhookPath = typeof raw.launchWebhookPath === 'string' ? raw.launchWebhookPath : undefined;
  return { file, definition, queues: arrayOf(raw.queues), calendars: arrayOf(raw.calendars), recordTypes: arrayOf(raw.recordTypes), launchWebhookPath };
}

async function readMessages(root: string): Promise<MessageFile[]> {
  if (!existsSync(join(root, 'messages.json'))) return [];
  const list = (await readJson(root, 'messages.json')) as Array<{ key: string; name: string; subject: string; kind?: unknown; documents?: unknown }>;
  return Promise.all(
    list.map(async (entry) => ({
      key: entry.key,
      name: entry.name,
      subject: entry.subject,
      html: await readFile(join(root, 'messages', `${entry.key}.hbs.html`), 'utf8').catch(() => ''),
      text: await readFile(join(root, 'messages', `${entry.key}.hbs.txt`), 'utf8').catch(() => ''),
      ...(entry.kind !== undefined ? { kind: entry.kind } : {}),
      ...(entry.documents !== undefined ? { documents: await readDocuments(root, entry.documents) } : {}),
    })),
  );
}

/** A document's body may sit in its own file under messages/ (`bodyFile`), easier to edit than a JSON string. */
async function readDocuments(root: string, documents: unknown): Promise<unknown> {
  if (!Array.isArray(documents)) return documents;
  return Promise.all(
    documents.map(async (document: unknown) => {
      if (typeof document !== 'object' || document === null || !('bodyFile' in document)) return document;
      const { bodyFile, ...rest } = document as Record<string, unknown>;
      if (typeof bodyFile !== 'string' || !/^[\w.-]+$/.test(bodyFile) || bodyFile.startsWith('.')) {
        throw new TemplateFileError(`messages.json: bodyFile must name a file in messages/, got ${JSON.stringify(bodyFile)}`);
      }
      try {
        return { ...rest, body: await readFile(join(root, 'messages', bodyFile), 'utf8') };
      } catch (error) {
        throw new TemplateFileError(`messages/${bodyFile}: ${(error as Error).message}`);
      }
    }),
  );
}

async function jsonFilesIn(root: string, folder: string): Promise<string[]> {
  if (!existsSync(join(root, folder))) return [];
  return (await readdir(join(root, folder))).filter((file) => file.endsWith('.json')).sort().map((file) => `${folder}/${file}`);
}

async function readJson(root: string, file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(join(root, file), 'utf8')) as unknown;
  } catch (error) {
    throw new TemplateFileError(`${file}: ${(error as Error).message}`);
  }
}

const arrayOf = (value: unknown): Record<string, unknown>[] => (Array.isArray(value) ? (value as Record<string, unknown>[]) : []);

/** Title: the README's first heading; description: its first paragraph (else the process's). */
function summaryOf(readme: string, process: Record<string, unknown>): { title: string; description: string } {
  const lines = readme.split('\n');
  const heading = lines.find((line) => line.startsWith('# '));
  const start = heading ? lines.indexOf(heading) + 1 : 0;
  const paragraph: string[] = [];
  for (const line of lines.slice(start)) {
    if (line.trim() === '') {
      if (paragraph.length > 0) break;
      continue;
    }
    if (/^(#|```|\||-|\*)/.test(line.trim())) break;
    paragraph.push(line.trim());
  }
  return {
    title: heading ? heading.slice(2).trim() : String(process.name ?? ''),
    description: paragraph.length > 0 ? paragraph.join(' ') : String(process.description ?? ''),
  };
}
