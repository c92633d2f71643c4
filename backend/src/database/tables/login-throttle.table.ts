import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { TimeColumn } from '../columns';

/**
 * Failed sign-ins and API-key attempts, counted per key (an account and address pair, an account,
 * an address). Kept in the database so that every replica sees the same counts.
 */
@Entity('login_throttles')
export class LoginThrottleTable {
  /** `pair:<email>|<address>`, `account:<email>`, `address:<address>` or `api-key:<address>`. */
  @PrimaryColumn('varchar', { length: 400 }) key!: string;
  @Column('integer') failures!: number;
  /** When the current counting window began; failures older than the window no longer count. */
  @TimeColumn({ name: 'window_start' }) windowStart!: number;
  /** 0 when not blocked. */
  @TimeColumn({ name: 'blocked_until' }) blockedUntil!: number;
  @Index('IDX_login_throttles_updated_at')
  @TimeColumn({ name: 'updated_at' }) updatedAt!: number;
}
