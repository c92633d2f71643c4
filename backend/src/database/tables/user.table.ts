import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { TimeColumn } from '../columns';

export const USER_ROLES = ['admin', 'designer', 'reviewer', 'viewer'] as const;
export type UserRole = (typeof USER_ROLES)[number];

@Entity('users')
export class UserTable {
  @PrimaryColumn('varchar', { length: 36 }) id!: string;
  @Column('varchar', { length: 320, unique: true }) email!: string;
  @Column('varchar', { length: 200 }) name!: string;
  @Column('varchar', { name: 'password_hash', length: 200 }) passwordHash!: string;
  @Column('varchar', { length: 20 }) role!: UserRole;
  @Column('boolean', { default: true }) active!: boolean;
  /** IANA zone the user's digest time is read in; null is UTC. */
  @Column('varchar', { name: 'time_zone', length: 100, nullable: true }) timeZone?: string | null;
  /** HH:mm local time of the daily notification digest. */
  @Column('varchar', { name: 'digest_time', length: 5, default: '08:00' }) digestTime?: string;
  @TimeColumn({ name: 'created_at' }) createdAt!: number;
  @TimeColumn({ name: 'updated_at' }) updatedAt!: number;
}

@Entity('sessions')
export class SessionTable {
  /** sha256 of the cookie token: a stolen database does not yield live sessions. */
  @PrimaryColumn('varchar', { name: 'token_hash', length: 64 }) tokenHash!: string;
  @Column('varchar', { name: 'user_id', length: 36 }) userId!: string;
  @ManyToOne(() => UserTable, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserTable;
  @TimeColumn({ name: 'created_at' }) createdAt!: number;
  @TimeColumn({ name: 'expires_at' }) expiresAt!: number;
}

@Entity('api_keys')
export class ApiKeyTable {
  @PrimaryColumn('varchar', { length: 36 }) id!: string;
  @Column('varchar', { length: 200 }) name!: string;
  /** The public part of the key, used to find the row; the rest is only ever hashed. */
  @Column('varchar', { length: 16, unique: true }) prefix!: string;
  @Column('varchar', { name: 'key_hash', length: 64 }) keyHash!: string;
  @Column('simple-json') scopes!: string[];
  @Column('varchar', { name: 'created_by', length: 36, nullable: true }) createdBy!: string | null;
  @TimeColumn({ name: 'created_at' }) createdAt!: number;
  @TimeColumn({ name: 'last_used_at', nullable: true }) lastUsedAt!: number | null;
  @TimeColumn({ name: 'revoked_at', nullable: true }) revokedAt!: number | null;
}
