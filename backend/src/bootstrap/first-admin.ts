import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Actor } from '../auth/actor';
import { CreateUserDto } from '../users/users.dto';
import { UsersService } from '../users/users.service';

const BOOTSTRAP_ACTOR: Actor = { type: 'system', id: null, name: 'bootstrap', permissions: new Set() };

/**
 * Checks input that does not come through HTTP (environment, command line) with the same
 * DTO rules the API applies, and says which field is wrong.
 */
export async function validInput<T extends object>(type: new () => T, plain: object): Promise<T> {
  const instance = plainToInstance(type, plain);
  const errors = await validate(instance, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) {
    const messages = errors.flatMap((error) => Object.values(error.constraints ?? {}));
    throw new Error(messages.join('; '));
  }
  return instance;
}

export interface FirstAdminEnv {
  email: string;
  password: string;
  name: string;
}

export function firstAdminFromEnv(env: NodeJS.ProcessEnv): FirstAdminEnv | null {
  const email = env.CASEFLOW_ADMIN_EMAIL?.trim();
  const password = env.CASEFLOW_ADMIN_PASSWORD;
  if (!email || !password) return null;
  return { email, password, name: env.CASEFLOW_ADMIN_NAME?.trim() || 'Administrator' };
}

/**
 * There is no built-in default password: the first admin comes from CASEFLOW_ADMIN_EMAIL and
 * CASEFLOW_ADMIN_PASSWORD on a start with no users yet, or from `cli create-admin`.
 */
@Injectable()
export class FirstAdminBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger('FirstAdmin');

  constructor(private readonly users: UsersService) {}

  async onApplicationBootstrap(): Promise<void> {
    const wanted = firstAdminFromEnv(process.env);
    if (await this.users.hasUsers()) return;
    if (!wanted) {
      this.logger.warn(
        'No users yet. Set CASEFLOW_ADMIN_EMAIL and CASEFLOW_ADMIN_PASSWORD, or run ' +
          "`npm run cli -w backend -- create-admin --email you@example.com --password '…'`.",
      );
      return;
    }
    // A bad value here means nobody could ever sign in, so refuse to start rather than carry on.
    const input = await validInput(CreateUserDto, { ...wanted, role: 'admin' }).catch((error: Error) => {
      throw new Error(`CASEFLOW_ADMIN_EMAIL / CASEFLOW_ADMIN_PASSWORD: ${error.message}`);
    });
    const created = await this.users.createFirstAdmin(BOOTSTRAP_ACTOR, input);
    if (created) this.logger.log(`Created the first admin, ${created.email}.`);
  }
}
