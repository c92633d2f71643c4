import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';

export interface RunOptions {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  /** Output of the command is appended here; failures quote its tail. */
  readonly logFile: string;
}

/** Runs a command to completion, its output into a log file; rejects on a non-zero exit. */
export async function run(command: string, args: readonly string[], options: RunOptions): Promise<void> {
  const log = createWriteStream(options.logFile, { flags: 'a' });
  log.write(`\n$ ${command} ${args.join(' ')}  (cwd ${options.cwd})\n`);
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(log, { end: false });
    child.stderr.pipe(log, { end: false });
    child.on('error', reject);
    child.on('close', resolve);
  });
  await new Promise<void>((resolve) => log.end(resolve));
  if (code !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited with ${String(code)}; log ${options.logFile}:\n${await tail(options.logFile)}`);
  }
}

export async function tail(file: string, lines = 40): Promise<string> {
  const text = await readFile(file, 'utf8').catch(() => '');
  return text.split('\n').slice(-lines).join('\n');
}
