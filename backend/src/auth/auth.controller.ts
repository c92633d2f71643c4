import { Body, Controller, Get, Headers, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG, AppConfig } from '../config/config';
import type { Actor } from './actor';
import { SESSION_COOKIE } from './auth.guard';
import { checkSigningSecret, SIGNING_CHECK_HEADER } from '../common/signing';
import { CredentialCheckResponse, LoginDto, MeResponse } from './auth.dto';
import { AuthService } from './auth.service';
import { CurrentActor, Public } from './decorators';
import { permissionsOfRole } from './permissions';

const toMe = (actor: Actor): MeResponse => ({
  type: actor.type,
  id: actor.id,
  name: actor.name,
  role: actor.role ?? null,
  permissions: [...actor.permissions].sort(),
});

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  async login(@Body() dto: LoginDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<MeResponse> {
    const { token, user, expiresAt } = await this.auth.login(dto.email, dto.password, this.config.sessionTtlHours);
    void reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.secureCookies,
      path: '/',
      expires: new Date(expiresAt),
    });
    return toMe({ type: 'user', id: user.id, name: user.name, role: user.role, permissions: permissionsOfRole(user.role) });
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  async logout(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    const token = request.cookies?.[SESSION_COOKIE];
    if (token) await this.auth.logout(token);
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  @Get('me')
  me(@CurrentActor() actor: Actor): MeResponse {
    return toMe(actor);
  }

  /** What the n8n credential's "Test" button calls: is the key good, and is the signing secret the same as ours? */
  @Get('credential-check')
  credentialCheck(@CurrentActor() actor: Actor, @Headers(SIGNING_CHECK_HEADER) proof?: string): CredentialCheckResponse {
    return { actor: toMe(actor), signing: checkSigningSecret(this.config.signingSecret, proof) };
  }
}
