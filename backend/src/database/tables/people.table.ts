import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { TimeColumn } from '../columns';
import { UserTable } from './user.table';

/**
 * A user away from `from` until `until`, covered by a delegate: one per user (setting a new one
 * replaces it). `applied_at` is written by the claim that hands the user's open tasks to the
 * delegate when the absence begins, so that happens once across replicas.
 */
@Entity('user_absences')
export class AbsenceTable {
  @PrimaryColumn('varchar', { name: 'user_id', length: 36 }) userId!: string;
  @ManyToOne(() => UserTable, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserTable;
  @TimeColumn({ name: 'from_at' }) fromAt!: number;
  @TimeColumn({ name: 'until_at' }) untilAt!: number;
  @Column('varchar', { name: 'delegate_id', length: 36 }) delegateId!: string;
  @ManyToOne(() => UserTable, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'delegate_id' })
  delegate?: UserTable;
  @Column('varchar', { length: 500, default: '' }) note!: string;
  @TimeColumn({ name: 'applied_at', nullable: true }) appliedAt!: number | null;
  @TimeColumn({ name: 'created_at' }) createdAt!: number;
}

/** A user's iCalendar feed: the secret URL's hash, so a stolen database yields no live feed. */
@Entity('calendar_feeds')
export class CalendarFeedTable {
  @PrimaryColumn('varchar', { name: 'user_id', length: 36 }) userId!: string;
  @ManyToOne(() => UserTable, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserTable;
  @Column('varchar', { name: 'token_hash', length: 64, unique: true }) tokenHash!: string;
  @TimeColumn({ name: 'created_at' }) createdAt!: number;
  @TimeColumn({ name: 'last_used_at', nullable: true }) lastUsedAt!: number | null;
}
