import { cpus, totalmem } from 'node:os';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const FILE = resolve(__dirname, '..', 'docs', 'BENCHMARKS.md');

export function machine(): string {
  const cpu = cpus();
  return `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${process.platform}`;
}

/** Replaces (or appends) one "## <title>" section of docs/BENCHMARKS.md, leaving the others. */
export function writeSection(title: string, body: string): void {
  const header = '# Benchmarks\n\nProduced by `npm run bench` (every bench) or `npm run bench -- <name>` (one, e.g. `notify-queue`); each section is rewritten by the bench that measures it.\n';
  const current = existsSync(FILE) ? readFileSync(FILE, 'utf8') : header;
  const sections = current.split(/^## /m);
  const head = sections.shift() ?? header;
  const kept = sections.filter((s) => !s.startsWith(`${title}\n`));
  writeFileSync(FILE, [head.trimEnd() + '\n', ...kept.map((s) => `## ${s.trimEnd()}\n`), `## ${title}\n\n${body.trim()}\n`].join('\n'));
}
