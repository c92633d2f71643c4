import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { TimeColumn } from '../columns';
import { TaskTable } from './task.table';
import { UserTable } from './user.table';

/**
 * A decision link sent in a notification email: one per decision of a task and recipient. Only the
 * SHA-256 of the token is kept, so the table does not yield working links (as for sessions).
 */
@Entity('email_decision_links')
@Index('ix_email_decision_links_task', ['taskId'])
export class EmailDecisionLinkTable {
  @PrimaryColumn('varchar', { name: 'token_hash', length: 64 }) tokenHash!: string;
  @Column('varchar', { name: 'task_id', length: 36 }) taskId!: string;
  @ManyToOne(() => TaskTable, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'task_id' })
  task?: TaskTable;
  @Column('varchar', { name: 'decision_key', length: 100 }) decisionKey!: string;
  /** The recipient the link is bound to: it decides as this user, if they may still decide the task. */
  @Column('varchar', { name: 'user_id', length: 36 }) userId!: string;
  @ManyToOne(() => UserTable, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserTable;
  @Column('varchar', { length: 320 }) email!: string;
  @TimeColumn({ name: 'expires_at' }) expiresAt!: number;
  @TimeColumn({ name: 'used_at', nullable: true }) usedAt!: number | null;
  @Column('varchar', { name: 'used_by', length: 36, nullable: true }) usedBy!: string | null;
  @TimeColumn({ name: 'created_at' }) createdAt!: number;
}
