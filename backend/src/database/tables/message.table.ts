import { Column, Entity, JoinColumn, ManyToOne, Index, PrimaryColumn } from 'typeorm';
import { JsonColumn, TimeColumn } from '../columns';
import { InstanceTable } from './instance.table';

/** One version of a Handlebars message template; versions are immutable once written. */
@Entity('message_templates')
@Index('uq_message_templates_key_version', ['key', 'version'], { unique: true })
export class MessageTemplateTable {
  @PrimaryColumn('varchar', { length: 36 }) id!: string;
  @Column('varchar', { length: 100 }) key!: string;
  @Column('integer') version!: number;
  @Column('varchar', { length: 200 }) name!: string;
  @Column('varchar', { length: 20, default: 'email' }) channel!: string;
  /** customer (transactional), admin (system notifications) or finance: the seed's three kinds. */
  @Column('varchar', { length: 20, default: 'customer' }) kind!: MessageKind;
  @Column('text') subject!: string;
  @Column('text', { default: '' }) html!: string;
  @Column('text', { default: '' }) text!: string;
  @JsonColumn({ name: 'sample_data' }) sampleData!: Record<string, unknown>;
  /** Documents rendered with the message and attached to it as PDF (a certificate). */
  @JsonColumn({ default: '[]' }) documents!: DocumentTemplate[];
  @TimeColumn({ name: 'created_at' }) createdAt!: number;
}

export const MESSAGE_KINDS = ['customer', 'admin', 'finance'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/** A PDF made for each message: its file name, a title and a body, each a Handlebars template. */
export interface DocumentTemplate {
  filename: string;
  title: string;
  body: string;
}

export interface MessageAttachment {
  filename: string;
  contentType: string;
  /** base64 */
  content: string;
}

export type MessageStatus = 'queued' | 'sent' | 'failed';

@Entity('messages')
@Index('ix_messages_instance', ['instanceId', 'createdAt'])
// The messages report reads sent messages from the rollups (reports/rollups/) and only the rest from
// here, found by this index (the rollup sweep's next batch too); a period's partial first and last
// days by the creation time.
@Index('ix_messages_not_rolled_up', ['createdAt', 'status', 'kind', 'instanceId', 'id'], { where: 'rolled_up_at IS NULL' })
@Index('ix_messages_created', ['createdAt'])
export class MessageTable {
  @PrimaryColumn('varchar', { length: 36 }) id!: string;
  @Column('varchar', { name: 'instance_id', length: 36, nullable: true }) instanceId!: string | null;
  @ManyToOne(() => InstanceTable, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'instance_id' })
  instance?: InstanceTable;
  @Column('varchar', { name: 'template_key', length: 100, nullable: true }) templateKey!: string | null;
  @Column('integer', { name: 'template_version', nullable: true }) templateVersion!: number | null;
  @Column('varchar', { length: 20 }) channel!: string;
  @Column('varchar', { length: 20, default: 'customer' }) kind!: MessageKind;
  @JsonColumn() recipients!: string[];
  @Column('text') subject!: string;
  @Column('text') html!: string;
  @Column('text') text!: string;
  @JsonColumn() attachments!: MessageAttachment[];
  @Column('varchar', { length: 20 }) status!: MessageStatus;
  @Column('text', { nullable: true }) error!: string | null;
  @TimeColumn({ name: 'created_at' }) createdAt!: number;
  @TimeColumn({ name: 'sent_at', nullable: true }) sentAt!: number | null;
  /** When the sent message was added to the report rollups; null until then. Optional: a new message need not name it. */
  @TimeColumn({ name: 'rolled_up_at', nullable: true }) rolledUpAt?: number | null;
}
