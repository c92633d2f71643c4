import { Body, Controller, Get, Headers, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG, AppConfig } from '../config/config';
import type { Actor } from './actor';
import { SESSION_COOKIE } from './auth.guard';
import { checkSigningSecret, SIGNING_CHECK_HEADER } from '../common/signing';
import { ChangePasswordDto, CredentialCheckResponse, LoginDto, MeResponse } from './auth.dto';
import { AuthService } from './auth.service';
import { CurrentActor, Public } from './decorators';
import { ThrottledError, tooManyAttempts } from './login-throttle.policy';
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
  async login(@Body() dto: LoginDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<MeResponse> {
    const { token, user, expiresAt } = await this.auth
      .login(dto.email, dto.password, this.config.sessionTtlHours, request.ip)
      .catch((error: unknown) => {
        throw error instanceof ThrottledError ? tooManyAttempts(reply, error.waitMs, 'sign-ins') : error;
      });
    this.setSessionCookie(request, reply, token, expiresAt);
    return toMe({ type: 'user', id: user.id, name: user.name, role: user.role, permissions: permissionsOfRole(user.role) });
  }

  /** Changes the signed-in user's own password; every other session of theirs ends. */
  @Post('password')
  @HttpCode(200)
  async changePassword(
    @CurrentActor() actor: Actor,
    @Body() dto: ChangePasswordDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MeResponse> {
    const { token, expiresAt } = await this.auth
      .changePassword(actor, dto, this.config.sessionTtlHours, request.ip)
      .catch((error: unknown) => {
        throw error instanceof ThrottledError ? tooManyAttempts(reply, error.waitMs, 'password checks') : error;
      });
    this.setSessionCookie(request, reply, token, expiresAt);
    return toMe(actor);
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

  /**
   * Secure whenever the browser reached us over HTTPS: `request.protocol` follows
   * X-Forwarded-Proto only from proxies CASEFLOW_TRUST_PROXY trusts. CASEFLOW_SECURE_COOKIES forces it.
   */
  private setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, expiresAt: number): void {
    void reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.secureCookies || request.protocol === 'https',
      path: '/',
      expires: new Date(expiresAt),
    });
  }

  /** What the n8n credential's "Test" button calls: is the key good, and is the signing secret the same as ours? */
  @Get('credential-check')
  credentialCheck(@CurrentActor() actor: Actor, @Headers(SIGNING_CHECK_HEADER) proof?: string): CredentialCheckResponse {
    return { actor: toMe(actor), signing: checkSigningSecret(this.config.signingSecret, proof) };
  }
}
