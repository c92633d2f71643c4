import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, type CliOutput } from '../../backend/src/cli';
import { loadConfig, type AppConfig } from '../../backend/src/config/config';

/** `npx caseflow templates …`, run in-process against a fresh SQLite database. */
describe('caseflow templates', () => {
  let dir: string;
  let config: AppConfig;
  const lines: string[] = [];
  const output: CliOutput = { out: (line) => lines.push(line), err: (line) => lines.push(line) };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'caseflow-cli-'));
    config = { ...loadConfig({ LOG_LEVEL: 'error' }), database: { type: 'sqlite', path: join(dir, 'caseflow.sqlite') } };
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    lines.length = 0;
  });

  it('installs every template with --all, and again without changing anything', async () => {
    expect(await runCli(['templates', 'install', '--all'], config, output)).toBe(0);
    expect(lines.filter((l) => l.startsWith('Installed '))).toHaveLength(4);
    expect(lines.join('\n')).toContain('student-referral v1 (created)');
    lines.length = 0;
    expect(await runCli(['templates', 'install', '--all'], config, output)).toBe(0);
    const messages = (JSON.parse(await readFile(join(__dirname, '..', '..', 'templates', 'student-referrals', 'messages.json'), 'utf8')) as unknown[]).length;
    expect(lines.join('\n')).toContain(`student-referral v1 (unchanged); 0/4 queues, 0/${messages} messages changed`);
    expect(lines.join('\n')).not.toContain('(created)');
  });

  it('lists the templates as installed', async () => {
    expect(await runCli(['templates', 'list'], config, output)).toBe(0);
    expect(lines).toHaveLength(4);
    expect(lines.every((l) => l.includes('installed ') && !l.includes('not installed'))).toBe(true);
  });

  it('says what is wrong with an unknown template or a missing name (exit 1)', async () => {
    expect(await runCli(['templates', 'install', 'nope'], config, output)).toBe(1);
    expect(lines.join('\n')).toContain('There is no template "nope"');
    expect(await runCli(['templates', 'install'], config, output)).toBe(1);
    expect(lines.join('\n')).toContain('Say which template to install, or --all.');
  });
});
