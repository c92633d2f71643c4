import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const ROOT = join(__dirname, '..', '..', '..');

/** Builds the nodes and packs n8n-nodes-caseflow into a temporary folder; CASEFLOW_NODES_TGZ skips both. */
export async function packNodes(): Promise<string> {
  if (process.env.CASEFLOW_NODES_TGZ) return process.env.CASEFLOW_NODES_TGZ;
  const run = promisify(execFile);
  await run('npm', ['run', 'build:nodes', '--silent'], { cwd: ROOT, maxBuffer: 20 * 1024 * 1024 });
  const dir = await mkdtemp(join(tmpdir(), 'caseflow-nodes-'));
  const { stdout } = await run('npm', ['pack', '--pack-destination', dir, '--silent'], { cwd: ROOT, maxBuffer: 20 * 1024 * 1024 });
  return join(dir, stdout.trim().split('\n').pop() ?? '');
}
