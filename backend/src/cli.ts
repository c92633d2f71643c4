import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { parseArgs } from 'node:util';
import { CreateApiKeyDto } from './api-keys/api-keys.dto';
import { ApiKeysService } from './api-keys/api-keys.service';
import { AppModule } from './app.module';
import type { Actor } from './auth/actor';
import { validInput } from './bootstrap/first-admin';
import { AppConfig, loadConfig } from './config/config';
import { TemplatesService } from './templates/templates.service';
import { CreateUserDto } from './users/users.dto';
import { UsersService } from './users/users.service';

const CLI_ACTOR: Actor = { type: 'system', id: null, name: 'cli', permissions: new Set() };

const USAGE = `Usage: npm run cli -w backend -- <command> [options]

  create-admin --email <email> --password <password> [--name <name>]
      Adds an admin user. The password may instead come from CASEFLOW_ADMIN_PASSWORD,
      which keeps it out of the shell history.
  create-api-key --name <name> --scopes <scope,scope…>
      Creates an API key and prints it once (e.g. --scopes automation for n8n).
  templates list
      Lists the bundled templates (CASEFLOW_TEMPLATES_DIR) and whether each is installed.
  templates install <name>… | --all
      Installs or updates templates: queues, calendars, message templates and the process; with
      N8N_URL, N8N_API_KEY and CASEFLOW_N8N_CREDENTIAL_ID also the n8n workflows. Safe to repeat.

Uses the same database as the server: DATABASE_URL, or the SQLite file under CASEFLOW_DATA_DIR (data/).`;

export interface CliOutput {
  out(line: string): void;
  err(line: string): void;
}

const consoleOutput: CliOutput = { out: (line) => console.log(line), err: (line) => console.error(line) };

type Command = (app: INestApplicationContext, output: CliOutput) => Promise<void>;

/** Runs one command and returns the exit code; exported so tests can drive it in-process too. */
export async function runCli(argv: string[], config: AppConfig, output: CliOutput = consoleOutput): Promise<number> {
  let command: Command;
  try {
    command = await parseCommand(argv);
  } catch (error) {
    output.err(`${(error as Error).message}\n\n${USAGE}`);
    return 1;
  }
  let app: INestApplicationContext | undefined;
  try {
    // No scheduler: a one-off command must not fire timers or deliver the outbox on the side.
    app = await NestFactory.createApplicationContext(AppModule.register({ ...config, schedulerEnabled: false }), {
      logger: ['error'],
      abortOnError: false,
    });
    await command(app, output);
    return 0;
  } catch (error) {
    output.err(`Failed: ${(error as Error).message}`);
    return 1;
  } finally {
    await app?.close();
  }
}

async function parseCommand(argv: string[]): Promise<Command> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      password: { type: 'string' },
      name: { type: 'string' },
      scopes: { type: 'string', multiple: true },
      all: { type: 'boolean' },
    },
  });
  if (positionals[0] === 'templates') return templatesCommand(positionals.slice(1), values.all === true);
  const [name, ...extra] = positionals;
  if (extra.length > 0) throw new Error(`Unexpected argument "${extra[0]}".`);
  if (name === 'create-admin') {
    const password = values.password ?? process.env.CASEFLOW_ADMIN_PASSWORD;
    const dto = await validInput(CreateUserDto, { email: values.email, password, name: values.name ?? 'Administrator', role: 'admin' });
    return async (app, output) => {
      const user = await app.get(UsersService).create(CLI_ACTOR, dto);
      output.out(`Created admin ${user.email} (${user.id}).`);
    };
  }
  if (name === 'create-api-key') {
    const scopes = (values.scopes ?? []).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
    const dto = await validInput(CreateApiKeyDto, { name: values.name, scopes });
    return async (app, output) => {
      const key = await app.get(ApiKeysService).create(CLI_ACTOR, dto);
      output.err(`Created API key "${key.name}" (prefix ${key.prefix}, scopes ${key.scopes.join(', ')}). It is shown only now:`);
      output.out(key.key);
    };
  }
  throw new Error(name ? `Unknown command "${name}".` : 'No command given.');
}


function templatesCommand(args: string[], all: boolean): Command {
  const [action, ...names] = args;
  if (action === 'list') {
    return async (app, output) => {
      for (const t of await app.get(TemplatesService).list()) output.out(`${t.name.padEnd(20)} ${t.installed ? 'installed    ' : 'not installed'}  ${t.title}`);
    };
  }
  if (action !== 'install') throw new Error(`Unknown templates command "${action ?? ''}"; use "templates list" or "templates install <name>|--all".`);
  if (!all && names.length === 0) throw new Error('Say which template to install, or --all.');
  return async (app, output) => {
    const templates = app.get(TemplatesService);
    for (const name of all ? await templates.names() : names) {
      const result = await templates.install(CLI_ACTOR, name);
      const changed = (items: Array<{ change: string }>) => items.filter((i) => i.change !== 'unchanged').length;
      const processes = result.processes.map((p) => `${p.key} v${p.version ?? '?'} (${p.change})`).join(', ');
      output.out(
        `Installed ${name}: ${processes}; ${changed(result.queues)}/${result.queues.length} queues, ${changed(result.messageTemplates)}/${result.messageTemplates.length} messages changed; ` +
          (result.n8n === 'installed' ? `${result.workflows.length} n8n workflows active.` : 'n8n not configured (N8N_URL, N8N_API_KEY): workflows skipped.'),
      );
      for (const process of result.processes) if (process.note) output.out(`  ${process.key}: ${process.note}`);
    }
  };
}

if (require.main === module) {
  void (async () => {
    let code = 1;
    try {
      code = await runCli(process.argv.slice(2), loadConfig());
    } catch (error) {
      console.error(`Failed: ${(error as Error).message}`);
    }
    process.exit(code);
  })();
}
