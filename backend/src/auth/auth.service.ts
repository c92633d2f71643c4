import { BadRequestException, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Clock } from '../common/clock';
import { Database } from '../database/database';
import { UserTable } from '../database/tables';
import { EventsService } from '../events/events.service';
import type { Actor } from './actor';
import { AuthRepository } from './auth.repository';
import { apiKeyKey, clearedBySuccess, loginKeys, ThrottledError } from './login-throttle.policy';
import { LoginThrottleService } from './login-throttle.service';
import { permissionsOfRole, permissionsOfScopes } from './permissions';
import { hashPassword, parseApiKey, randomToken, sameHash, sha256, verifyPassword } from './secrets';

const KEY_CACHE_MS = 5_000;
const TOUCH_EVERY_MS = 60_000;

interface CachedKey {
  actor: Actor;
  keyHash: string;
  until: number;
  touchedAt: number;
}

@Injectable()
export class AuthService {
  /**
   * Verified API keys are remembered briefly: n8n calls the backend for every item it
   * processes, and a key lookup per call would cost more than the call itself. Revocation
   * clears the entry here at once; other replicas see it within KEY_CACHE_MS.
   */
  private readonly keyCache = new Map<string, CachedKey>();

  constructor(
    private readonly db: Database,
    private readonly repository: AuthRepository,
    private readonly clock: Clock,
    private readonly events: EventsService,
    private readonly throttle: LoginThrottleService,
  ) {}

  /** `address` is the client's (request.ip); throws ThrottledError while it or the account is blocked. */
  async login(email: string, password: string, ttlHours: number, address: string): Promise<{ token: string; user: UserTable; expiresAt: number }> {
    const keys = loginKeys(email, address);
    const wait = await this.throttle.waitFor(keys);
    if (wait > 0) throw new ThrottledError(wait);
    const user = await this.db.read(() => this.repository.findUserByEmail(email));
    // Verify a password even for unknown emails so response time does not reveal which exist.
    const valid = await verifyPassword(password, user?.passwordHash ?? 'scrypt$16384$AAAA$AAAA');
    if (!user || !valid || !user.active) {
      await this.throttle.recordFailure(keys, {
        failedType: 'auth.login_failed',
        throttledType: 'auth.login_throttled',
        data: { email: email.trim().toLowerCase(), address, userId: user?.id ?? null },
      });
      throw new UnauthorizedException('Email or password is wrong.');
    }
    await this.throttle.clear(clearedBySuccess(email, address));
    const session = await this.db.transaction(() => this.startSession(user.id, ttlHours));
    return { ...session, user };
  }

  /**
   * A user's own password change ends every session of theirs and starts a new one for this browser.
   * Wrong current passwords count like failed sign-ins: a borrowed session must not become a way to
   * guess the password.
   */
  async changePassword(
    actor: Actor,
    passwords: { currentPassword: string; newPassword: string },
    ttlHours: number,
    address: string,
  ): Promise<{ token: string; expiresAt: number }> {
    const userId = actor.type === 'user' ? actor.id : null;
    if (!userId) throw new ForbiddenException('Only a signed-in user has a password to change; API keys are replaced under Admin → API keys.');
    const user = await this.db.read(() => this.repository.findUser(userId));
    if (!user) throw new ForbiddenException('Only a signed-in user has a password to change.');
    const keys = loginKeys(user.email, address);
    const wait = await this.throttle.waitFor(keys);
    if (wait > 0) throw new ThrottledError(wait);
    if (!(await verifyPassword(passwords.currentPassword, user.passwordHash))) {
      await this.throttle.recordFailure(keys, {
        failedType: 'auth.login_failed',
        throttledType: 'auth.login_throttled',
        data: { email: user.email, address, userId: user.id, during: 'password change' },
      });
      throw new BadRequestException('The current password is wrong.');
    }
    const newPassword = passwords.newPassword;
    const passwordHash = await hashPassword(newPassword);
    return this.db.transaction(async () => {
      await this.repository.updatePassword(user.id, passwordHash, this.clock.now());
      await this.repository.deleteSessionsOf(user.id);
      const session = await this.startSession(user.id, ttlHours);
      await this.events.record(actor, 'user.password_changed', {}, { userId: user.id, email: user.email });
      return session;
    });
  }

  private async startSession(userId: string, ttlHours: number): Promise<{ token: string; expiresAt: number }> {
    const token = randomToken();
    const now = this.clock.now();
    const expiresAt = now + ttlHours * 3_600_000;
    await this.repository.insertSession({ tokenHash: sha256(token), userId, createdAt: now, expiresAt });
    return { token, expiresAt };
  }

  async logout(token: string): Promise<void> {
    await this.db.transaction(() => this.repository.deleteSession(sha256(token)));
  }

  async actorFromSession(token: string): Promise<Actor | null> {
    const now = this.clock.now();
    const found = await this.db.read(async () => {
      const session = await this.repository.findSession(sha256(token));
      if (!session || session.expiresAt <= now) return null;
      return this.repository.findUser(session.userId);
    });
    if (!found || !found.active) return null;
    return { type: 'user', id: found.id, name: found.name, role: found.role, permissions: permissionsOfRole(found.role) };
  }

  async actorFromApiKey(value: string): Promise<Actor | null> {
    const parsed = parseApiKey(value);
    if (!parsed) return null;
    const now = this.clock.now();
    const hash = sha256(parsed.full);
    const cached = this.keyCache.get(parsed.prefix);
    if (cached && cached.until > now && sameHash(cached.keyHash, hash)) {
      if (now - cached.touchedAt > TOUCH_EVERY_MS) this.touch(cached, now);
      return cached.actor;
    }
    const row = await this.db.read(() => this.repository.findApiKeyByPrefix(parsed.prefix));
    if (!row || row.revokedAt !== null || !sameHash(row.keyHash, hash)) return null;
    const actor: Actor = { type: 'api_key', id: row.id, name: row.name, permissions: permissionsOfScopes(row.scopes) };
    // The key's last touch carries over from the entry this replaces: every request that misses the
    // cache at once would otherwise write the same row, each holding a connection while it waits its turn.
    const entry = { actor, keyHash: row.keyHash, until: now + KEY_CACHE_MS, touchedAt: this.keyCache.get(parsed.prefix)?.touchedAt ?? 0 };
    this.keyCache.set(parsed.prefix, entry);
    if (now - entry.touchedAt > TOUCH_EVERY_MS) this.touch(entry, now);
    return actor;
  }

  /**
   * Wrong API keys are counted per address. A blocked address gets 429 for wrong keys only: keys
   * cannot be guessed (256 bits), and an n8n host with one stale key must not lose its good ones.
   */
  async apiKeyFailed(address: string): Promise<number> {
    const wait = await this.throttle.waitFor([apiKeyKey(address)]);
    if (wait > 0) return wait;
    await this.throttle.recordFailure([apiKeyKey(address)], { throttledType: 'auth.api_key_throttled', data: { address } });
    return 0;
  }

  forgetApiKey(prefix: string): void {
    this.keyCache.delete(prefix);
  }

  private touch(entry: CachedKey, now: number): void {
    entry.touchedAt = now;
    const id = entry.actor.id;
    if (id) void this.db.transaction(() => this.repository.touchApiKey(id, now)).catch(() => undefined);
  }
}
