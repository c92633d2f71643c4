import { CanActivate, ExecutionContext, ForbiddenException, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply } from 'fastify';
import { APP_CONFIG, AppConfig } from '../config/config';
import type { Actor } from './actor';
import { AuthService } from './auth.service';
import { PERMISSION_KEY, PUBLIC_KEY, RequestWithActor } from './decorators';
import { tooManyAttempts } from './login-throttle.policy';
import type { Permission } from './permissions';
import { checkCookieStateChange } from './same-origin';

export const SESSION_COOKIE = 'caseflow_session';

/** Every route needs a user session or an API key unless it is marked @Public(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<RequestWithActor>();
    const { actor, bySession } = await this.authenticate(request, context.switchToHttp().getResponse<FastifyReply>());
    if (!actor) {
      throw new UnauthorizedException('Sign in, or send an API key in the X-API-Key header.');
    }
    if (bySession) checkCookieStateChange(request, this.config.publicUrl);
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(PERMISSION_KEY, targets);
    if (permission && !actor.permissions.has(permission)) {
      throw new ForbiddenException(`This needs the "${permission}" permission, which ${describe(actor)} does not have.`);
    }
    request.actor = actor;
    return true;
  }

  private async authenticate(request: RequestWithActor, reply: FastifyReply): Promise<{ actor: Actor | null; bySession: boolean }> {
    const header = request.headers['x-api-key'];
    const bearer = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const key = (Array.isArray(header) ? header[0] : header) ?? bearer;
    if (key) {
      const actor = await this.auth.actorFromApiKey(key);
      if (!actor) {
        const wait = await this.auth.apiKeyFailed(request.ip);
        if (wait > 0) throw tooManyAttempts(reply, wait, 'API key attempts from this address');
        throw new UnauthorizedException('The API key is unknown or revoked.');
      }
      return { actor, bySession: false };
    }
    const token = request.cookies?.[SESSION_COOKIE];
    return { actor: token ? await this.auth.actorFromSession(token) : null, bySession: true };
  }
}

const describe = (actor: Actor): string =>
  actor.type === 'user' ? `your role (${actor.role})` : `the API key "${actor.name}"`;
