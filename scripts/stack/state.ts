import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { PATHS } from './paths';

/** What a first run sets up and later runs reuse (data/stack.json, readable only by its owner). */
export interface StackState {
  build?: { revision: string };
  nodesPackage?: { file: string; sha: string };
  n8nOwner?: { email: string; password: string; firstName: string; lastName: string };
  n8nApiKey?: string;
  admin?: { email: string; password: string };
  backendApiKey?: string;
  credentialId?: string;
  seeded?: boolean;
}

export async function readState(): Promise<StackState> {
  if (!existsSync(PATHS.state)) return {};
  return JSON.parse(await readFile(PATHS.state, 'utf8')) as StackState;
}

export async function saveState(state: StackState): Promise<void> {
  await mkdir(dirname(PATHS.state), { recursive: true });
  await writeFile(PATHS.state, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
}

/** Generated once and kept: the backend signs resume calls with it and the n8n credential checks them. */
export async function signingSecret(): Promise<string> {
  if (existsSync(PATHS.signingSecret)) return (await readFile(PATHS.signingSecret, 'utf8')).trim();
  const secret = randomBytes(32).toString('hex');
  await mkdir(dirname(PATHS.signingSecret), { recursive: true });
  await writeFile(PATHS.signingSecret, `${secret}\n`, { mode: 0o600 });
  return secret;
}

export const newPassword = (prefix: string): string => `${prefix}-${randomBytes(6).toString('hex')}-A1`;
