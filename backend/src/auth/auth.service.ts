import { Injectable, UnauthorizedException } from '@nestjs/common';
import { Clock } from '../common/clock';
import { Database } from '../database/database';
import { UserTable } from '../database/tables';
import type { Actor } from './actor';
import { AuthRepository } from './auth.repository';
import { permissionsOfRole, permissionsOfScopes } from './permissions';
import { parseApiKey, randomToken, sameHash, sha256, verifyPassword } from './secrets';

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
  ) {}

  async login(email: string, password: string, ttlHours: number): Promise<{ token: string; user: UserTable; expiresAt: number }> {
    const user = await this.db.read(() => this.repository.findUserByEmail(email));
    // Verify a password even for unknown emails so response time does not reveal which exist.
    const valid = await verifyPassword(password, user?.passwordHash ?? 'scrypt$16384$AAAA$AAAA');
    if (!user || !valid || !user.active) throw new UnauthorizedException('Email or password is wrong.');
    const token = randomToken();
    const now = this.clock.now();
    const expiresAt = now + ttlHours * 3_600_000;
    await this.db.transaction(() =>
      this.repository.insertSession({ tokenHash: sha256(token), userId: user.id, createdAt: now, expiresAt }),
    );
    return { token, user, expiresAt };
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
    const entry = { actor, keyHash: row.keyHash, until: now + KEY_CACHE_MS, touchedAt: 0 };
    this.keyCache.set(parsed.prefix, entry);
    this.touch(entry, now);
    return actor;
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
