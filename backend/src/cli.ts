import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Actor } from './auth/actor';
import type { AppConfig } from './config/config';

const CLI_ACTOR: Actor = { type: 'system', id: null, name: 'cli', permissions: new Set() };

const USAGE = `Usage: npm run cli -w backend -- <command> [options]

  create-admin --email <email> --password <password> [--name <name>]
      Adds an admin user. The password may instead come from CASEFLOW_ADMIN_PASSWORD,
      which keeps it out of the shell history.
  create-api-key --name <name> --scopes <scope,scope…>
      Creates an API key and prints it once (e.g. --scopes automation for n8n).

Uses the same database as the server: DATABASE_URL, or the SQLite file under CASEFLOW_DATA_DIR (data/).`;

export interface CliOutput {
  out(line: string): void;
  err(line: string): void;
}

const consoleOutput: CliOutput = { out: (line) => console.log(line), err: (line) => console.error(line) };

type Command = (app: INestApplicationContext, output: CliOutput) => Promise<void>;

/**
 * The application is required lazily, after useDecoratorMetadata() has had its say, so that
 * every module of it is compiled with the metadata Nest's dependency injection reads.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const load = () => ({
  NestFactory: (require('@nestjs/core') as typeof import('@nestjs/core')).NestFactory,
  AppModule: (require('./app.module') as typeof import('./app.module')).AppModule,
  validInput: (require('./bootstrap/first-admin') as typeof import('./bootstrap/first-admin')).validInput,
  ...(require('./users/users.dto') as typeof import('./users/users.dto')),
  ...(require('./users/users.service') as typeof import('./users/users.service')),
  ...(require('./api-keys/api-keys.dto') as typeof import('./api-keys/api-keys.dto')),
  ...(require('./api-keys/api-keys.service') as typeof import('./api-keys/api-keys.service')),
});
/* eslint-enable @typescript-eslint/no-require-imports */

/** Runs one command and returns the exit code; exported so tests can drive it in-process too. */
export async function runCli(argv: string[], config: AppConfig, output: CliOutput = consoleOutput): Promise<number> {
  const modules = load();
  let command: Command;
  try {
    command = await parseCommand(argv, modules);
  } catch (error) {
    output.err(`${(error as Error).message}\n\n${USAGE}`);
    return 1;
  }
  let app: INestApplicationContext | undefined;
  try {
    // No scheduler: a one-off command must not fire timers or deliver the outbox on the side.
    app = await modules.NestFactory.createApplicationContext(modules.AppModule.register({ ...config, schedulerEnabled: false }), {
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

async function parseCommand(argv: string[], m: ReturnType<typeof load>): Promise<Command> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      password: { type: 'string' },
      name: { type: 'string' },
      scopes: { type: 'string', multiple: true },
    },
  });
  const [name, ...extra] = positionals;
  if (extra.length > 0) throw new Error(`Unexpected argument "${extra[0]}".`);
  if (name === 'create-admin') {
    const password = values.password ?? process.env.CASEFLOW_ADMIN_PASSWORD;
    const dto = await m.validInput(m.CreateUserDto, { email: values.email, password, name: values.name ?? 'Administrator', role: 'admin' });
    return async (app, output) => {
      const user = await app.get(m.UsersService).create(CLI_ACTOR, dto);
      output.out(`Created admin ${user.email} (${user.id}).`);
    };
  }
  if (name === 'create-api-key') {
    const scopes = (values.scopes ?? []).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
    const dto = await m.validInput(m.CreateApiKeyDto, { name: values.name, scopes });
    return async (app, output) => {
      const key = await app.get(m.ApiKeysService).create(CLI_ACTOR, dto);
      output.err(`Created API key "${key.name}" (prefix ${key.prefix}, scopes ${key.scopes.join(', ')}). It is shown only now:`);
      output.out(key.key);
    };
  }
  throw new Error(name ? `Unknown command "${name}".` : 'No command given.');
}

/**
 * tsx compiles with esbuild, which drops the decorator metadata Nest injects constructor
 * parameters from (every service would receive undefined). When started through it, compile
 * the application's .ts files with swc instead, the same transform the test suite uses.
 */
function useDecoratorMetadata(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { transformSync } = require('@swc/core') as typeof import('@swc/core');
  const compile = (module: NodeJS.Module, filename: string): void => {
    const { code } = transformSync(readFileSync(filename, 'utf8'), {
      filename,
      sourceMaps: 'inline',
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        target: 'es2022',
      },
      module: { type: 'commonjs' },
    });
    (module as NodeJS.Module & { _compile(code: string, filename: string): void })._compile(code, filename);
  };
  require.extensions['.ts'] = compile;
}

if (require.main === module) {
  void (async () => {
    let code = 1;
    try {
      useDecoratorMetadata();
      const { loadConfig } = require('./config/config') as typeof import('./config/config'); // eslint-disable-line @typescript-eslint/no-require-imports
      code = await runCli(process.argv.slice(2), loadConfig());
    } catch (error) {
      console.error(`Failed: ${(error as Error).message}`);
    }
    process.exit(code);
  })();
}
